// List views: search without diacritics, filters, Vietnamese order, counts and quota, grouping.
#include <gtest/gtest.h>

#include "core/dossier_views.hpp"
#include "core/text.hpp"
#include "domain_fixtures.hpp"

namespace hoso {
namespace {

std::vector<Dossier> people(std::initializer_list<const char*> names) {
  std::vector<Dossier> out;
  int i = 0;
  for (const char* n : names) {
    Dossier d = testing::valid_individual("p" + std::to_string(i++));
    d.nominee.full_name = n;
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<std::string> names_in(std::span<const Dossier> ds, const std::vector<std::size_t>& idx) {
  std::vector<std::string> out;
  for (std::size_t i : idx) out.push_back(display_name(ds[i].nominee));
  return out;
}

TEST(Views, SearchIgnoresDiacriticsAndCase) {
  auto ds = people({"Nguyễn Văn A", "Trần Thị Bình", "Đặng Đức Anh"});
  DossierFilter f;
  f.search = "nguyen van a";
  EXPECT_EQ(names_in(ds, filter_and_sort(ds, f)), (std::vector<std::string>{"Nguyễn Văn A"}));
  f.search = "DANG duc";
  EXPECT_EQ(names_in(ds, filter_and_sort(ds, f)), (std::vector<std::string>{"Đặng Đức Anh"}));
  f.search = "binh tran";  // words in any order
  EXPECT_EQ(filter_and_sort(ds, f).size(), 1u);
  f.search = "hop tac";  // the unit is searched too
  EXPECT_EQ(filter_and_sort(ds, f).size(), 3u);
  f.search = "p1";  // and the id
  EXPECT_EQ(filter_and_sort(ds, f).size(), 1u);
  f.search = "không có ai";
  EXPECT_TRUE(filter_and_sort(ds, f).empty());
  f.search = "   ";
  EXPECT_EQ(filter_and_sort(ds, f).size(), 3u);
}

TEST(Views, Filters) {
  std::vector<Dossier> ds = {testing::valid_individual("a"), testing::valid_collective("b"),
                             testing::valid_individual("c")};
  ds[2].nominee.full_name = "Lê Thị Cúc";
  ds[2].award_form = "bang-khen-ct-ubnd";
  ds[2].status = Status::ready;
  DossierFilter f;
  f.kind = NomineeKind::collective;
  EXPECT_EQ(filter_and_sort(ds, f), (std::vector<std::size_t>{1}));
  f = {};
  f.status = Status::ready;
  EXPECT_EQ(filter_and_sort(ds, f), (std::vector<std::size_t>{2}));
  f = {};
  f.award_form = "giay-khen-gd-so";
  EXPECT_EQ(filter_and_sort(ds, f).size(), 2u);
  EXPECT_TRUE(matches(ds[0], f));
  EXPECT_FALSE(matches(ds[2], f));
}

TEST(Views, VietnameseOrderByGivenName) {
  auto ds = people({"Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Văn An", "Đỗ Thị Ân", "Phạm Đức Dũng", "Bùi Văn Đông",
                    "Nguyễn Văn Bình"});
  auto idx = filter_and_sort(ds, {});
  EXPECT_EQ(names_in(ds, idx),
            (std::vector<std::string>{"Lê Văn An", "Nguyễn Thị Ánh", "Đỗ Thị Ân", "Nguyễn Văn Bình", "Trần Văn Bình",
                                      "Phạm Đức Dũng", "Bùi Văn Đông"}));
}

TEST(Views, CollectivesComeFirstThenPeople) {
  std::vector<Dossier> ds = {testing::valid_individual("a"), testing::valid_collective("b"),
                             testing::valid_collective("c")};
  ds[2].nominee.name = "Ban Quản lý";
  EXPECT_EQ(names_in(ds, filter_and_sort(ds, {})),
            (std::vector<std::string>{"Ban Quản lý", "Phòng Quản lý biên giới", "Nguyễn Văn An"}));
}

TEST(Views, SortByUpdatedAndStatus) {
  auto ds = people({"A B Cường", "A B Bảo", "A B An"});
  ds[0].updated = 3;
  ds[1].updated = 1;
  ds[2].updated = 2;
  EXPECT_EQ(filter_and_sort(ds, {}, SortOrder::updated), (std::vector<std::size_t>{0, 2, 1}));
  ds[0].status = Status::ready;
  EXPECT_EQ(filter_and_sort(ds, {}, SortOrder::status), (std::vector<std::size_t>{2, 1, 0}));
}

// Sorting by precomputed keys (one a row) must give exactly the order of the comparisons.
TEST(Views, SortByKeysAgreesWithTheComparisons) {
  std::vector<Dossier> ds = people({"Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Văn An", "Đỗ Thị Ân", "Phạm Đức Dũng",
                                    "Bùi Văn Đông", "Nguyễn Văn Bình", "nguyễn văn bình", "Ân", "", "Lê  Văn An",
                                    "Hoàng Thị Ỷ", "Hoàng Thị Y", "Đặng Quốc Việt", "Đăng Quốc Viet"});
  for (const char* name : {"Phòng Quản lý biên giới", "Ban Quản lý", "Văn phòng Sở", "ban quản lý"}) {
    Dossier c = testing::valid_collective(std::string("c") + name);
    c.nominee.name = name;
    ds.push_back(std::move(c));
  }
  const auto idx = filter_and_sort(ds, {});
  for (std::size_t i = 0; i + 1 < idx.size(); ++i) {
    const Nominee& a = ds[idx[i]].nominee;
    const Nominee& b = ds[idx[i + 1]].nominee;
    if (a.kind != b.kind) {
      EXPECT_EQ(a.kind, NomineeKind::collective);
      continue;
    }
    const int c = a.kind == NomineeKind::collective ? text::compare_vi(a.name, b.name)
                                                     : text::compare_person_names(a.full_name, b.full_name);
    EXPECT_LE(c, 0) << display_name(a) << " before " << display_name(b);
  }
}

TEST(Views, ListSignatureFollowsWhatTheListShows) {
  auto ds = people({"Trần Văn Bình", "Lê Văn An"});
  const uint64_t base = list_signature(ds, SortOrder::name);
  EXPECT_EQ(list_signature(ds, SortOrder::name), base);
  ds[0].summary = "Một đoạn tóm tắt dài";  // not in the list
  ds[0].updated += 1000;
  EXPECT_EQ(list_signature(ds, SortOrder::name), base);
  EXPECT_NE(list_signature(ds, SortOrder::updated), list_signature(people({"Trần Văn Bình", "Lê Văn An"}), SortOrder::updated));
  for (auto change : std::initializer_list<void (*)(Dossier&)>{
           [](Dossier& d) { d.nominee.full_name += "h"; }, [](Dossier& d) { d.status = Status::ready; },
           [](Dossier& d) { d.award_form = "khac"; }, [](Dossier& d) { d.nominee.unit = "Phòng khác"; },
           [](Dossier& d) { d.nominee.position = "Phó"; }}) {
    auto changed = ds;
    change(changed[1]);
    EXPECT_NE(list_signature(changed, SortOrder::name), base);
  }
  // Moving text from one field to the next is a change too.
  auto a = ds, b = ds;
  a[0].nominee.unit = "ab";
  a[0].nominee.position = "c";
  b[0].nominee.unit = "a";
  b[0].nominee.position = "bc";
  EXPECT_NE(list_signature(a, SortOrder::name), list_signature(b, SortOrder::name));
}

TEST(Views, CountsByStatus) {
  auto ds = people({"A", "B", "C", "D"});
  ds[1].status = Status::ready;
  ds[2].status = Status::ready;
  ds[3].status = Status::returned;
  auto n = count_by_status(ds);
  EXPECT_EQ(n[static_cast<std::size_t>(Status::draft)], 1);
  EXPECT_EQ(n[static_cast<std::size_t>(Status::ready)], 2);
  EXPECT_EQ(n[static_cast<std::size_t>(Status::returned)], 1);
  EXPECT_EQ(n[static_cast<std::size_t>(Status::awarded)], 0);
}

TEST(Views, QuotaUse) {
  auto ds = people({"A", "B", "C", "D", "E"});
  ds[4].status = Status::returned;  // does not count
  ds.push_back(testing::valid_collective());
  ds.push_back(testing::valid_collective("c2"));
  ds.back().award_form = "bang-khen-ct-ubnd";
  auto use = quota_use(testing::campaign(), ds);
  ASSERT_EQ(use.size(), 4u);
  EXPECT_EQ(use[0], (QuotaUse{"giay-khen-gd-so", NomineeKind::collective, 1, 1}));
  EXPECT_FALSE(use[0].over());
  EXPECT_EQ(use[1], (QuotaUse{"giay-khen-gd-so", NomineeKind::individual, 4, 3}));
  EXPECT_TRUE(use[1].over());
  EXPECT_EQ(use[2], (QuotaUse{"bang-khen-ct-ubnd", NomineeKind::collective, 1, std::nullopt}));
  EXPECT_FALSE(use[2].over());
  EXPECT_EQ(use[3].count, 0);
}

TEST(Views, FindingsGroupedByOwnerAndSection) {
  Workspace w = testing::valid_workspace();
  w.dossiers[0].nominee.birth_date = "";
  w.dossiers[0].criteria["gk_cn_1"].evidence = "";
  w.dossiers[0].nominee.home_town = "";
  w.dossiers[1].report.erase("measures");
  w.minutes[0].chair = "";
  w.minutes[0].absent.clear();
  auto fs = testing::check(w);
  auto groups = group_by_owner(fs);
  ASSERT_EQ(groups.size(), 3u) << testing::dump(fs);
  EXPECT_EQ(groups[0].owner_id, "d-individual");
  EXPECT_EQ(groups[0].errors, 3);
  EXPECT_EQ(groups[1].owner_id, "d-collective");
  EXPECT_EQ(groups[2].owner, Finding::Owner::minutes);
  EXPECT_EQ(groups[2].errors, 1);
  EXPECT_EQ(groups[2].warnings, 1);

  auto sections = group_by_section(groups[0].findings);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].section, "nominee");
  EXPECT_EQ(sections[0].findings.size(), 2u);
  EXPECT_EQ(sections[1].section, "criteria");
  EXPECT_EQ(sections[1].errors, 1);
  auto minutes_sections = group_by_section(groups[2].findings);
  ASSERT_EQ(minutes_sections.size(), 1u);
  EXPECT_EQ(minutes_sections[0].section, "minutes");
  EXPECT_EQ(minutes_sections[0].warnings, 1);
  EXPECT_TRUE(group_by_owner({}).empty());
}

}  // namespace
}  // namespace hoso
