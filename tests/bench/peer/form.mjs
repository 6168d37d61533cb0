// The peer's form: 32 fields shaped like a nomination dossier (identity, dates, numbers, choices,
// long texts), written as enketo-transformer writes an XForm out (an HTML form and a model), so
// the page needs no XSLT at run time, just as Enketo's own server pre-transforms its forms.
const fields = [
  ['full_name', 'Họ và tên', 'text'], ['birth_date', 'Ngày sinh', 'date'],
  ['gender', 'Giới tính', 'one', ['nam', 'nu']], ['ethnicity', 'Dân tộc', 'text'],
  ['position', 'Chức vụ', 'text'], ['unit', 'Đơn vị', 'text'], ['rank', 'Ngạch', 'text'],
  ['kind', 'Loại', 'one', ['cong_chuc', 'vien_chuc', 'nguoi_lao_dong']],
  ['party', 'Đảng viên', 'one', ['co', 'khong']], ['start_date', 'Ngày vào cơ quan', 'date'],
  ['years', 'Số năm công tác', 'int'], ['phone', 'Điện thoại', 'text'], ['email', 'Thư điện tử', 'text'],
  ['award', 'Hình thức khen thưởng', 'one', ['giay_khen', 'bang_khen']],
  ['criteria', 'Tiêu chuẩn đạt', 'many', ['tc1', 'tc2', 'tc3', 'tc4', 'tc5']],
  ['evidence_1', 'Minh chứng 1', 'long'], ['evidence_2', 'Minh chứng 2', 'long'], ['evidence_3', 'Minh chứng 3', 'long'],
  ['summary', 'Tóm tắt thành tích', 'long'], ['tasks', 'Chức năng, nhiệm vụ', 'long'],
  ['achievements', 'Thành tích đạt được', 'long'], ['measures', 'Giải pháp', 'long'],
  ['targets_done', 'Số chỉ tiêu hoàn thành', 'int'], ['targets_total', 'Tổng số chỉ tiêu', 'int'],
  ['rating_2024', 'Xếp loại 2024', 'one', ['xuat_sac', 'tot', 'hoan_thanh']],
  ['rating_2025', 'Xếp loại 2025', 'one', ['xuat_sac', 'tot', 'hoan_thanh']],
  ['discipline', 'Không bị kỷ luật', 'one', ['co', 'khong']],
  ['past_awards', 'Khen thưởng đã nhận', 'long'], ['meeting_date', 'Ngày họp xét', 'date'],
  ['votes_for', 'Số phiếu đồng ý', 'int'], ['members', 'Tổng số thành viên', 'int'], ['notes', 'Ghi chú', 'long'],
];
if (fields.length !== 32) throw new Error(`the peer form has ${fields.length} fields, not 32`);

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const label = (text) => `<span lang="" class="question-label active">${esc(text)}</span>`;
function control([name, text, type, options]) {
  const path = `/data/${name}`;
  if (type === 'one' || type === 'many') {
    const input = type === 'one' ? 'radio' : 'checkbox';
    const opts = options.map((o) => `<label class=""><input type="${input}" name="${path}" data-name="${path}" value="${o}" data-type-xml="${type === 'one' ? 'select1' : 'select'}"><span lang="" class="option-label active">${o}</span></label>`).join('');
    return `<fieldset class="question simple-select"><fieldset><legend>${label(text)}</legend><div class="option-wrapper">${opts}</div></fieldset></fieldset>`;
  }
  if (type === 'long')
    return `<label class="question non-select or-appearance-multiline">${label(text)}<textarea name="${path}" data-type-xml="string"></textarea></label>`;
  const attrs = { text: 'type="text" data-type-xml="string"', int: 'type="number" data-type-xml="int"', date: 'type="date" data-type-xml="date"' }[type];
  return `<label class="question non-select">${label(text)}<input ${attrs} name="${path}"></label>`;
}

export const formHtml = `<form autocomplete="off" novalidate="novalidate" class="or clearfix" dir="ltr" data-form-id="peer">
<section class="form-logo"></section><h3 dir="auto" id="form-title">Hồ sơ đề nghị khen thưởng</h3>
${fields.map(control).join('\n')}
</form>`;
export const modelStr = `<model><instance><data id="peer" version="1">${fields.map(([n]) => `<${n}/>`).join('')}<meta><instanceID/></meta></data></instance></model>`;
export const fieldCount = fields.length;
