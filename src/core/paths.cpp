#include "core/paths.hpp"

namespace hoso {

std::optional<std::vector<PathStep>> parse_path(std::string_view path) {
  std::vector<PathStep> steps;
  if (path.empty()) return std::nullopt;
  std::size_t pos = 0;
  while (true) {
    std::size_t dot = path.find('.', pos);
    std::string_view part = path.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    PathStep step;
    std::size_t open = part.find('[');
    step.key = std::string(part.substr(0, open));
    if (step.key.empty() || step.key.find(']') != std::string::npos) return std::nullopt;
    if (open != std::string_view::npos) {
      std::string_view idx = part.substr(open + 1);
      if (idx.size() < 2 || idx.back() != ']') return std::nullopt;
      idx.remove_suffix(1);
      if (idx.size() > 9) return std::nullopt;  // no list is that long; keeps the value in range
      std::size_t n = 0;
      for (char ch : idx) {
        if (ch < '0' || ch > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(ch - '0');
      }
      step.index = n;
    }
    steps.push_back(std::move(step));
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return steps;
}

namespace {
std::string join(std::string_view a, std::string_view b) {
  std::string s(a);
  s += '.';
  s += b;
  return s;
}
}  // namespace

std::string nominee_path(std::string_view field_id) { return join("nominee", field_id); }
std::string criterion_met_path(std::string_view id) { return join(join("criteria", id), "met"); }
std::string criterion_evidence_path(std::string_view id) { return join(join("criteria", id), "evidence"); }
std::string report_path(std::string_view field_id) { return join("report", field_id); }
std::string row_path(std::string_view rows_path, std::size_t index) {
  return std::string(rows_path) + "[" + std::to_string(index) + "]";
}
std::string cell_path(std::string_view rows_path, std::size_t index, std::string_view column) {
  return join(row_path(rows_path, index), column);
}
std::string minutes_path(std::string_view field_id) { return join("minutes", field_id); }
std::string vote_path(std::string_view dossier_id, std::string_view member) {
  return join(join("minutes.votes", dossier_id), member);
}

std::string_view path_section(std::string_view path) {
  std::string_view head = path.substr(0, path.find_first_of(".["));
  if (head == "nominee") return "nominee";
  if (head == "award_form") return "award";
  if (head == "criteria") return "criteria";
  if (head == "summary") return "summary";
  if (head == "report") return "report";
  if (head == "attachments") return "attachments";
  if (head == "flags") return "flags";
  if (head == "status" || head == "return_reason") return "status";
  if (head == "minutes") return "minutes";
  return {};
}

}  // namespace hoso
