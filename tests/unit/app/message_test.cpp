// A toast's message is kept as catalogue keys and arguments and put into words when drawn: the
// same message reads in the language chosen at that moment, errors keep both their languages,
// and a batch's lines stay in order.
#include <gtest/gtest.h>

#include "app/message.hpp"
#include "app/strings.hpp"

namespace hoso::app {
namespace {

class MessageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    load_catalogues();
    set_language(Language::vi);
  }
  void TearDown() override { set_language(Language::vi); }
};

TEST_F(MessageTest, KeyAndArgumentsAreTranslatedWhenSaid) {
  const Message m("backup.exported", {"hoso_sao-luu.json"});
  const std::string vi = say(m);
  set_language(Language::en);
  const std::string en = say(m);
  EXPECT_NE(vi, en) << "the same message follows the language chosen later";
  EXPECT_NE(vi.find("hoso_sao-luu.json"), std::string::npos);
  EXPECT_NE(en.find("hoso_sao-luu.json"), std::string::npos);
  EXPECT_EQ(en.find("{}"), std::string::npos) << "every {} is filled";
}

TEST_F(MessageTest, AnErrorKeepsBothLanguagesAndTheNamesBeforeIt) {
  const DataError e{"32-KH-SNgV.json", "plan.number", Bilingual{"Thiếu số kế hoạch.", "The plan number is missing."}};
  const Message m = Message::failed("file.named_error", e, {"ke-hoach.json"});
  EXPECT_EQ(say(m), "ke-hoach.json: " + e.describe(Language::vi));
  set_language(Language::en);
  EXPECT_EQ(say(m), "ke-hoach.json: " + e.describe(Language::en));
  EXPECT_EQ(say(Message::error(e)), e.describe(Language::en));
}

TEST_F(MessageTest, LinesFollowEachOtherInOrder) {
  Message batch;
  EXPECT_TRUE(batch.empty());
  batch.then(Message("file.unknown", {"a.exe"})).then(Message::text(Bilingual{"hai", "two"}));
  ASSERT_EQ(batch.lines.size(), 2u);
  const std::string said = say(batch);
  const auto newline = said.find('\n');
  ASSERT_NE(newline, std::string::npos);
  EXPECT_NE(said.substr(0, newline).find("a.exe"), std::string::npos);
  EXPECT_EQ(said.substr(newline + 1), "hai");
}

TEST_F(MessageTest, ArgumentsInBothLanguagesFollowTheLanguageToo) {
  const Message m("file.named_error", {Bilingual{"tệp", "file"}, Bilingual{"lỗi", "error"}});
  EXPECT_EQ(say(m), "tệp: lỗi");
  set_language(Language::en);
  EXPECT_EQ(say(m), "file: error");
}

}  // namespace
}  // namespace hoso::app
