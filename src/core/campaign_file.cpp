#include "core/campaign_file.hpp"

#include <array>

#include "core/canonical_json.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/sha256.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;

namespace {

constexpr std::string_view kSealKey = "content_sha256";

// Other files of the app a person may pick by mistake, and how to name them.
struct OtherKind {
  std::string_view format;
  std::string_view vi, en;
};
constexpr std::array<OtherKind, 8> kOtherKinds{{
    {"hoso-package", "một gói hồ sơ gửi Sở (mở ở mục Nhập gói)", "a dossier package (open it under Import)"},
    {"hoso-backup", "một bản sao lưu (mở ở mục Cài đặt)", "a backup (restore it under Settings)"},
    {"hoso-workspace", "dữ liệu làm việc của ứng dụng", "the app's workspace data"},
    {"hoso-template", "một mẫu báo cáo", "a report template"},
    {"hoso-return-note", "một phiếu trả hồ sơ", "a return note"},
    {"hoso-proposal-list", "một danh sách đề nghị khen thưởng", "a list of proposals"},
    {"hoso-register", "sổ theo dõi của Văn phòng", "the secretariat's register"},
    {"hoso-record", "một bản ghi lưu trữ", "a stored record"},
}};

std::string mb(std::size_t bytes) {
  const std::size_t tenths = (bytes * 10 + (1u << 19)) >> 20;
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

DataError refuse(std::string_view file_name, std::string path, Bilingual what) {
  return DataError{std::string(file_name), std::move(path), std::move(what)};
}

}  // namespace

std::string campaign_content_hash(const json& content) {
  if (!content.is_object() || !content.contains(kSealKey)) return sha256_hex(canonical_dump(content));
  json copy = content;
  copy.erase(std::string(kSealKey));
  return sha256_hex(canonical_dump(copy));
}

std::string seal_campaign_file(const json& content) {
  json sealed = content;
  if (sealed.is_object()) sealed.erase(std::string(kSealKey));
  const std::string hash = sha256_hex(canonical_dump(sealed));
  sealed[std::string(kSealKey)] = hash;
  return canonical_dump(sealed);
}

bool has_placeholder_criteria(const AwardForm& form) {
  for (const AwardRule& rule : form.rules)
    for (const Criterion& c : rule.criteria)
      if (c.placeholder) return true;
  return false;
}

CampaignState campaign_state(const Campaign& c, Date today, bool superseded) {
  if (!c.deadline.is_late(today)) return CampaignState::open;
  return superseded ? CampaignState::closed : CampaignState::past_deadline;
}

std::string_view to_string(CampaignState s) {
  switch (s) {
    case CampaignState::open: return "open";
    case CampaignState::past_deadline: return "past_deadline";
    case CampaignState::closed: return "closed";
    case CampaignState::archived: return "archived";
  }
  return "open";
}

Outcome<CampaignFile> read_campaign_file(std::string_view file_name, std::string_view bytes) {
  // The size first: a huge file is refused before anything is parsed.
  if (bytes.size() > kMaxCampaignFileBytes)
    return refuse(file_name, "",
                  {"Tệp quá lớn (" + mb(bytes.size()) + ") để là một tệp đợt thi đua (tối đa " +
                       mb(kMaxCampaignFileBytes) + ").",
                   "The file is too large (" + mb(bytes.size()) + ") to be a campaign file (at most " +
                       mb(kMaxCampaignFileBytes) + ")."});
  ParseResult p = parse_untrusted_json(bytes, {kMaxCampaignFileBytes, 32, kMaxCampaignFileBytes});
  if (!p.ok())
    return refuse(file_name, p.error->json_path_or_offset,
                  {"Tệp không đọc được (JSON hỏng hoặc bị cắt cụt): " + p.error->message_vi,
                   "The file cannot be read (broken or truncated JSON): " + p.error->message_en});
  json& root = p.value;
  if (!root.is_object())
    return refuse(file_name, "", {"Tệp không phải tệp đợt thi đua của hoso.", "The file is not a hoso campaign file."});
  if (auto f = root.find("format"); f != root.end() && f->is_string()) {
    const std::string& format = f->get_ref<const std::string&>();
    for (const OtherKind& k : kOtherKinds)
      if (format == k.format)
        return refuse(file_name, "format",
                      {"Đây là " + std::string(k.vi) + ", không phải tệp đợt thi đua.",
                       "This is " + std::string(k.en) + ", not a campaign file."});
  }
  // The seal, when there is one: a file changed after it was published is refused.
  if (auto seal = root.find(kSealKey); seal != root.end()) {
    if (!seal->is_string())
      return refuse(file_name, std::string(kSealKey), {"Mã kiểm tra phải là một chuỗi.", "The check hash must be a string."});
    const std::string declared = seal->get<std::string>();
    root.erase(std::string(kSealKey));
    const std::string actual = sha256_hex(canonical_dump(root));
    if (declared != actual)
      return refuse(file_name, std::string(kSealKey),
                    {"Nội dung tệp không khớp mã kiểm tra: tệp đã bị sửa hoặc hỏng sau khi phát hành.",
                     "The content does not match its check hash: the file was changed or damaged after it was "
                     "published."});
  }
  auto c = campaign_from_json(file_name, root);
  if (!c) return c.error();
  Campaign& campaign = c.value();
  if (campaign.deadline.last_day < campaign.period.start)
    return refuse(file_name, "deadline",
                  {"Hạn nộp (" + to_display(campaign.deadline.stated_date()) + ") trước ngày bắt đầu đợt thi đua (" +
                       to_display(campaign.period.start) + ").",
                   "The deadline (" + to_display(campaign.deadline.stated_date()) +
                       ") is before the competition period starts (" + to_display(campaign.period.start) + ")."});
  for (std::size_t f = 0; f < campaign.award_forms.size(); ++f) {
    const AwardForm& form = campaign.award_forms[f];
    for (std::size_t r = 0; r < form.rules.size(); ++r)
      for (std::size_t k = 0; k < form.rules[r].criteria.size(); ++k)
        if (form.rules[r].criteria[k].placeholder)
          return refuse(file_name,
                        "award_forms[" + std::to_string(f) + "].rules[" + std::to_string(r) + "].criteria[" +
                            std::to_string(k) + "]",
                        {"Tiêu chuẩn " + in_quotes(form.rules[r].criteria[k].id) + " của " + in_quotes(form.name.vi) +
                             " là nội dung tạm, chưa phải nguyên văn: không phát hành được.",
                         "The criterion " + in_quotes(form.rules[r].criteria[k].id) + " of " + in_quotes(form.name.en) +
                             " is a placeholder, not the verbatim text: it cannot be published."});
  }
  return CampaignFile{std::move(campaign), std::move(root)};
}

}  // namespace hoso
