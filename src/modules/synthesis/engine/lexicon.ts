// What the engine knows about the language of citizens' comments on draft Party and State documents.
//
// Everything here is general Vietnamese, written for texts nobody here has seen: the abbreviations of
// administrative writing, near-synonyms of everyday and official words, courtesy and agreement formulas, words that
// give a proposal its direction, and the nouns that introduce a place. Nothing is taken from a particular
// consultation. Entries are written in ordinary spelling; the normalizer reads them the way it reads comments.

/**
 * Abbreviations, each with its expansion. A comment's abbreviation is replaced by the expansion before matching,
 * so "UBND xã" and "Ủy ban nhân dân xã" become the same words. Keys are the lower-cased abbreviation as typed
 * (several spellings listed where people write them differently). Only abbreviations with one reading are here:
 * "CN" (công nhân, công nghiệp, công nghệ, chủ nhật), "TN" (thanh niên, trách nhiệm, tài nguyên) or "NN" (Nhà
 * nước, nông nghiệp, ngoại ngữ) would guess wrong as often as right, so they are expanded only in context below.
 */
export const ABBREVIATIONS: Record<string, string> = {
  // the political system
  mttq: 'mặt trận tổ quốc',
  mttqvn: 'mặt trận tổ quốc việt nam',
  ubmttq: 'ủy ban mặt trận tổ quốc',
  ubnd: 'ủy ban nhân dân',
  hđnd: 'hội đồng nhân dân',
  hdnd: 'hội đồng nhân dân',
  đbqh: 'đại biểu quốc hội',
  bch: 'ban chấp hành',
  bchtw: 'ban chấp hành trung ương',
  btv: 'ban thường vụ',
  btt: 'ban thường trực',
  bdv: 'ban dân vận',
  ubkt: 'ủy ban kiểm tra',
  tw: 'trung ương',
  't.ư': 'trung ương',
  htct: 'hệ thống chính trị',
  tccsđ: 'tổ chức cơ sở đảng',
  cb: 'cán bộ',
  đv: 'đảng viên',
  cbđv: 'cán bộ đảng viên',
  cbcc: 'cán bộ công chức',
  cbccvc: 'cán bộ công chức viên chức',
  ccvc: 'công chức viên chức',
  lhpn: 'liên hiệp phụ nữ',
  hlhpn: 'hội liên hiệp phụ nữ',
  đtn: 'đoàn thanh niên',
  tncs: 'thanh niên cộng sản',
  ccb: 'cựu chiến binh',
  hnd: 'hội nông dân',
  lđlđ: 'liên đoàn lao động',
  nct: 'người cao tuổi',
  // policy fields
  'kt-xh': 'kinh tế xã hội',
  ktxh: 'kinh tế xã hội',
  'qp-an': 'quốc phòng an ninh',
  qpan: 'quốc phòng an ninh',
  anqp: 'an ninh quốc phòng',
  antt: 'an ninh trật tự',
  ttatxh: 'trật tự an toàn xã hội',
  atgt: 'an toàn giao thông',
  attp: 'an toàn thực phẩm',
  vsattp: 'vệ sinh an toàn thực phẩm',
  bhxh: 'bảo hiểm xã hội',
  bhyt: 'bảo hiểm y tế',
  bhtn: 'bảo hiểm thất nghiệp',
  dtts: 'dân tộc thiểu số',
  đbdtts: 'đồng bào dân tộc thiểu số',
  tthc: 'thủ tục hành chính',
  cchc: 'cải cách hành chính',
  dvc: 'dịch vụ công',
  dvctt: 'dịch vụ công trực tuyến',
  cđs: 'chuyển đổi số',
  cds: 'chuyển đổi số',
  cntt: 'công nghệ thông tin',
  'kh&cn': 'khoa học công nghệ',
  khcn: 'khoa học công nghệ',
  'khcn&đmst': 'khoa học công nghệ đổi mới sáng tạo',
  đmst: 'đổi mới sáng tạo',
  'cnh-hđh': 'công nghiệp hóa hiện đại hóa',
  cnh: 'công nghiệp hóa',
  hđh: 'hiện đại hóa',
  ntm: 'nông thôn mới',
  htx: 'hợp tác xã',
  thcs: 'trung học cơ sở',
  thpt: 'trung học phổ thông',
  gdđt: 'giáo dục đào tạo',
  'gd&đt': 'giáo dục đào tạo',
  'gd-đt': 'giáo dục đào tạo',
  gpmb: 'giải phóng mặt bằng',
  tđc: 'tái định cư',
  qsdđ: 'quyền sử dụng đất',
  qsdd: 'quyền sử dụng đất',
  gcn: 'giấy chứng nhận',
  gcnqsdđ: 'giấy chứng nhận quyền sử dụng đất',
  kcn: 'khu công nghiệp',
  ccn: 'cụm công nghiệp',
  dnnvv: 'doanh nghiệp nhỏ và vừa',
  kcht: 'kết cấu hạ tầng',
  nsnn: 'ngân sách nhà nước',
  xhh: 'xã hội hóa',
  nhcsxh: 'ngân hàng chính sách xã hội',
  bvtv: 'bảo vệ thực vật',
  bđkh: 'biến đổi khí hậu',
  ctmtqg: 'chương trình mục tiêu quốc gia',
  tyt: 'trạm y tế',
  tmđt: 'thương mại điện tử',
  hkd: 'hộ kinh doanh',
  đbscl: 'đồng bằng sông cửu long',
  grdp: 'tổng sản phẩm trên địa bàn',
  // informal writing
  tp: 'thành phố',
  'tp.hcm': 'thành phố hồ chí minh',
  tphcm: 'thành phố hồ chí minh',
  hcm: 'hồ chí minh',
  xh: 'xã hội',
  vn: 'việt nam',
  ko: 'không',
  k: 'không',
  kh: 'không',
  hok: 'không',
  đc: 'được',
  dc: 'được',
  vs: 'với',
  ng: 'người',
  ngta: 'người ta',
  j: 'gì',
  r: 'rồi',
  hs: 'học sinh',
  gv: 'giáo viên',
  sv: 'sinh viên',
  dn: 'doanh nghiệp',
  ubxa: 'ủy ban xã',
};

/** Abbreviations whose reading depends on the word before them: ["previous word", "abbreviation", expansion]. */
export const ABBREVIATIONS_AFTER: Array<[string, string, string]> = [
  ['đoàn', 'tn', 'thanh niên'],
  ['hội', 'nd', 'nông dân'],
  ['hội', 'pn', 'phụ nữ'],
  ['mttq', 'vn', 'việt nam'],
];

/** Units written after a number: "500tr", "2 tr", "40k", "30đ". */
export const NUMBER_UNITS: Record<string, string> = {
  tr: 'triệu',
  trđ: 'triệu đồng',
  k: 'nghìn',
  đ: 'đồng',
  ha: 'héc ta',
  km: 'ki lô mét',
  m: 'mét',
  ty: 'tỷ',
};

/**
 * Near-synonyms: each row is one meaning, canonical phrase first. A comment that uses any phrase of a row gets the
 * row's meaning as an extra feature, so "người già" and "người cao tuổi" share something while their own words stay.
 * Rows are deliberately narrow: a row that joined words of different meaning (học sinh / giáo viên, tăng / tăng
 * cường) would merge different opinions.
 */
export const SYNONYMS: string[][] = [
  // people
  ['người cao tuổi', 'người già', 'người lớn tuổi', 'cụ già', 'người có tuổi', 'các cụ', 'ông bà'],
  ['người dân', 'nhân dân', 'bà con', 'quần chúng nhân dân', 'dân chúng', 'người dân địa phương', 'cư dân', 'dân', 'công dân', 'hộ dân', 'các hộ', 'người ta'],
  ['trẻ em', 'trẻ nhỏ', 'con trẻ', 'trẻ con', 'các cháu', 'con em', 'các em nhỏ', 'thiếu nhi'],
  ['học sinh', 'học trò', 'các em học sinh', 'con em học sinh'],
  ['giáo viên', 'thầy cô', 'thầy cô giáo', 'thầy giáo', 'cô giáo', 'nhà giáo', 'đội ngũ nhà giáo'],
  ['bộ đội', 'quân nhân', 'chiến sĩ', 'bộ đội xuất ngũ', 'quân nhân xuất ngũ', 'người hoàn thành nghĩa vụ quân sự'],
  ['xuất ngũ', 'hoàn thành nghĩa vụ quân sự', 'ra quân', 'xuất ngũ trở về'],
  ['thanh niên', 'thanh thiếu niên', 'giới trẻ', 'người trẻ', 'lớp trẻ', 'tuổi trẻ'],
  ['phụ nữ', 'chị em', 'chị em phụ nữ', 'nữ giới'],
  ['nông dân', 'người nông dân', 'bà con nông dân', 'người làm nông'],
  ['ngư dân', 'bà con ngư dân', 'người đánh cá'],
  ['công nhân', 'người lao động', 'lao động', 'công nhân lao động'],
  ['tiểu thương', 'người buôn bán', 'người bán hàng', 'hộ buôn bán', 'người bán'],
  ['bác sĩ', 'y bác sĩ', 'thầy thuốc', 'bác sĩ giỏi', 'nhân viên y tế'],
  ['cán bộ', 'cán bộ công chức', 'công chức', 'cán bộ công chức viên chức', 'người làm công vụ'],
  ['người đứng đầu', 'thủ trưởng', 'lãnh đạo chủ chốt', 'cán bộ chủ chốt'],
  ['người có công', 'gia đình chính sách', 'hộ chính sách', 'thương binh liệt sĩ'],
  ['người khuyết tật', 'người tàn tật'],
  ['hộ nghèo', 'hộ cận nghèo', 'người nghèo', 'hộ khó khăn'],
  ['doanh nghiệp', 'công ty', 'nhà đầu tư', 'cơ sở sản xuất kinh doanh'],
  ['nhà máy', 'xí nghiệp', 'cơ sở sản xuất'],
  ['chính quyền', 'chính quyền địa phương', 'cơ quan chức năng', 'cơ quan nhà nước', 'các cấp chính quyền', 'các ngành chức năng'],
  ['trung ương', 'nhà nước', 'đảng và nhà nước', 'đảng nhà nước'],
  ['lừa đảo', 'chiêu lừa', 'giả danh', 'lừa', 'chiếm đoạt tài sản', 'mạo danh'],
  ['điện thoại', 'điện thoại di động', 'di động', 'ứng dụng', 'app', 'ứng dụng điện thoại'],
  ['mất điện', 'cúp điện', 'cắt điện', 'điện yếu', 'mất điện thường xuyên'],
  ['ngành điện', 'điện lực', 'công ty điện lực', 'ngành điện lực'],
  ['hủy bỏ', 'xóa bỏ', 'bãi bỏ', 'loại bỏ', 'dẹp bỏ'],
  ['cán bộ xã', 'cán bộ cấp xã', 'công chức xã', 'công chức cấp xã'],
  ['đi lại', 'đi đường', 'di chuyển', 'đi xa', 'đi lại xa'],
  ['người đi học', 'đi học', 'học tập', 'việc học'],
  ['tham nhũng', 'tiêu cực', 'nhũng nhiễu', 'hách dịch', 'cửa quyền', 'vòi vĩnh', 'phiền hà'],
  ['học phí', 'tiền học', 'chi phí học tập', 'các khoản thu'],
  ['giá cả', 'giá', 'giá thành', 'giá bán'],
  ['mùa màng', 'thu hoạch', 'vụ mùa', 'mùa vụ'],
  ['nông sản', 'hàng nông sản', 'sản phẩm nông nghiệp', 'lúa gạo', 'trái cây', 'rau quả'],
  ['nguy hiểm', 'mất an toàn', 'không an toàn', 'rủi ro'],
  ['kịp thời', 'nhanh', 'ngay', 'ngay lập tức'],
  ['đông đúc', 'quá tải', 'chật chội', 'chật hẹp', 'nằm ghép', 'chật'],
  // places and settlements
  ['vùng sâu vùng xa', 'vùng sâu', 'vùng xa', 'vùng khó khăn', 'vùng đặc biệt khó khăn', 'vùng cao', 'miền núi', 'vùng đồng bào'],
  ['thôn', 'thôn xóm', 'xóm', 'ấp', 'bản', 'buôn', 'làng', 'khu dân cư', 'tổ dân phố', 'khu phố'],
  ['nông thôn', 'vùng nông thôn', 'khu vực nông thôn', 'quê', 'ở quê'],
  ['xã', 'cấp xã', 'cơ sở', 'cấp cơ sở', 'xã phường', 'xã phường thị trấn'],
  ['trụ sở', 'trụ sở làm việc', 'công sở'],
  // digital life
  ['trực tuyến', 'online', 'trên mạng', 'qua mạng', 'qua internet', 'trên môi trường mạng', 'trên môi trường số', 'không gian mạng'],
  ['điện thoại thông minh', 'smartphone', 'điện thoại di động'],
  ['internet', 'mạng internet', 'sóng', 'sóng điện thoại', 'sóng di động', 'wifi', 'mạng di động', 'phủ sóng', 'trạm phát sóng', 'lõm sóng'],
  ['chuyển đổi số', 'số hóa', 'công nghệ số', 'chính quyền số', 'chính quyền điện tử'],
  ['dịch vụ công trực tuyến', 'dịch vụ công', 'cổng dịch vụ công', 'nộp hồ sơ trực tuyến'],
  ['thủ tục hành chính', 'thủ tục', 'hồ sơ hành chính', 'giấy tờ'],
  ['kỹ năng số', 'công nghệ thông tin', 'tin học'],
  // land and housing
  ['giấy chứng nhận quyền sử dụng đất', 'sổ đỏ', 'sổ hồng', 'giấy chứng nhận', 'bìa đỏ'],
  ['tái định cư', 'khu tái định cư', 'di dời', 'giải tỏa'],
  ['bồi thường', 'đền bù', 'bồi thường hỗ trợ'],
  ['nhà ở xã hội', 'nhà ở cho người thu nhập thấp', 'nhà ở giá rẻ'],
  ['nhà tạm', 'nhà dột nát', 'nhà xuống cấp', 'nhà tranh vách đất'],
  // infrastructure and environment
  ['đường', 'tuyến đường', 'con đường', 'đường giao thông', 'đường sá', 'đoạn đường'],
  ['nước sạch', 'nước máy', 'nước sinh hoạt', 'công trình nước sạch', 'cấp nước'],
  ['rác thải', 'rác', 'chất thải rắn', 'rác sinh hoạt', 'rác thải sinh hoạt'],
  ['nước thải', 'xả thải', 'chất thải', 'xả nước thải'],
  ['ô nhiễm', 'ô nhiễm môi trường', 'gây ô nhiễm', 'bốc mùi', 'hôi thối', 'mùi hôi'],
  ['sạt lở', 'sạt lở đất', 'lở đất', 'sụt lún'],
  ['lũ lụt', 'lũ', 'lụt', 'ngập lụt', 'ngập úng', 'ngập', 'mưa lũ'],
  ['đèn chiếu sáng', 'đèn đường', 'điện chiếu sáng', 'chiếu sáng công cộng'],
  ['xuống cấp', 'hư hỏng', 'hư hại', 'cũ nát', 'ổ gà', 'lầy lội', 'hỏng'],
  ['tai nạn giao thông', 'tai nạn', 'va chạm giao thông', 'va chạm'],
  // money and support
  ['hỗ trợ', 'giúp đỡ', 'trợ giúp', 'giúp', 'hậu thuẫn', 'tạo điều kiện'],
  ['kinh phí', 'ngân sách', 'vốn', 'nguồn vốn', 'tiền', 'nguồn lực tài chính', 'chi phí'],
  ['vốn vay ưu đãi', 'vay ưu đãi', 'cho vay ưu đãi', 'tín dụng ưu đãi', 'vay vốn ưu đãi', 'vốn vay'],
  ['lương', 'tiền lương', 'thu nhập', 'mức lương', 'chế độ tiền lương'],
  ['lương hưu', 'chế độ hưu trí', 'trợ cấp hưu trí', 'lương hưu trí'],
  ['phụ cấp', 'trợ cấp', 'chế độ phụ cấp', 'chế độ đãi ngộ', 'đãi ngộ', 'chế độ chính sách'],
  ['học bổng', 'hỗ trợ học phí', 'miễn giảm học phí'],
  ['giá', 'giá cả', 'mức giá'],
  ['thuế', 'tiền thuế', 'nghĩa vụ thuế'],
  // actions
  ['xây dựng', 'xây', 'xây mới', 'làm mới'],
  ['sửa chữa', 'sửa', 'tu sửa', 'khắc phục', 'cải tạo', 'làm lại', 'tu bổ', 'gia cố'],
  ['nâng cấp', 'cải tạo nâng cấp', 'mở rộng nâng cấp'],
  ['đầu tư', 'bố trí vốn', 'ưu tiên vốn', 'rót vốn', 'đầu tư xây dựng'],
  ['kiểm tra', 'thanh tra', 'kiểm soát', 'rà soát', 'giám sát'],
  ['xử lý', 'xử phạt', 'xử lý nghiêm', 'xử lý dứt điểm', 'chế tài', 'trừng trị', 'nghiêm trị'],
  ['công khai', 'minh bạch', 'công bố', 'thông báo công khai'],
  ['tuyên truyền', 'vận động', 'phổ biến', 'tuyên truyền vận động'],
  ['đào tạo', 'bồi dưỡng', 'tập huấn', 'đào tạo bồi dưỡng', 'hướng dẫn'],
  ['tuyển dụng', 'tuyển', 'tuyển thêm', 'bổ sung biên chế'],
  ['tinh giản biên chế', 'tinh giản', 'giảm biên chế', 'cắt giảm biên chế'],
  ['tinh gọn', 'sắp xếp tinh gọn', 'thu gọn', 'gọn nhẹ'],
  ['sáp nhập', 'sát nhập', 'hợp nhất', 'nhập', 'gộp'],
  ['giải quyết', 'xử lý', 'tháo gỡ', 'khắc phục'],
  ['quan tâm', 'chú trọng', 'chú ý', 'để ý', 'lưu tâm'],
  ['ưu tiên', 'tập trung', 'dành ưu tiên'],
  ['bảo tồn', 'giữ gìn', 'gìn giữ', 'bảo vệ', 'lưu giữ'],
  ['phát huy', 'khơi dậy', 'đẩy mạnh', 'phát triển'],
  ['cụ thể hóa', 'làm rõ', 'ghi rõ', 'nêu rõ', 'cụ thể'],
  ['bổ sung', 'thêm', 'đưa vào', 'bổ sung thêm', 'đưa thêm'],
  ['nhanh chóng', 'kịp thời', 'sớm', 'khẩn trương'],
  ['cấm', 'nghiêm cấm', 'cấm hẳn'],
  ['khó khăn', 'vất vả', 'gian nan', 'trở ngại', 'khổ'],
  ['lãng phí', 'bỏ hoang', 'bỏ trống', 'để không', 'bỏ không', 'lãng phí tài sản'],
  ['bất cập', 'hạn chế', 'yếu kém', 'tồn tại', 'vướng mắc'],
  ['thực tế', 'thực tiễn', 'sát thực tế', 'thực tế địa phương'],
  // health and social affairs
  ['khám chữa bệnh', 'khám bệnh', 'chữa bệnh', 'điều trị', 'khám sức khỏe', 'đi khám', 'khám định kỳ'],
  ['trạm y tế', 'trạm xá', 'y tế cơ sở', 'y tế xã'],
  ['bệnh viện', 'viện', 'cơ sở y tế'],
  ['thuốc', 'thuốc men', 'thuốc chữa bệnh'],
  ['ma túy', 'ma túy tổng hợp', 'chất gây nghiện', 'thuốc lắc', 'nghiện hút'],
  ['cai nghiện', 'sau cai', 'người nghiện'],
  ['việc làm', 'công ăn việc làm', 'kiếm việc', 'có việc làm'],
  ['an sinh xã hội', 'an sinh', 'phúc lợi xã hội'],
  // education and culture
  ['trường học', 'trường', 'điểm trường', 'nhà trường', 'lớp học', 'phòng học'],
  ['dạy thêm', 'học thêm', 'dạy thêm học thêm'],
  ['văn hóa truyền thống', 'bản sắc văn hóa', 'văn hóa dân tộc', 'phong tục tập quán', 'văn hóa'],
  ['du lịch', 'du lịch cộng đồng', 'khách du lịch', 'làm du lịch'],
  ['lễ hội', 'lễ kỷ niệm', 'hội hè'],
  // the draft itself
  ['dự thảo', 'văn kiện', 'dự thảo báo cáo', 'báo cáo chính trị', 'dự thảo văn kiện', 'bản dự thảo'],
  ['ngắn gọn', 'cô đọng', 'súc tích', 'gọn'],
  ['chung chung', 'sơ sài', 'chưa cụ thể', 'còn chung'],
  ['chỉ tiêu', 'mục tiêu', 'chỉ số'],
  ['tăng trưởng', 'tốc độ tăng trưởng', 'phát triển kinh tế'],
  ['nghị quyết', 'chủ trương', 'chính sách'],
  ['chính sách', 'cơ chế', 'cơ chế chính sách', 'chế độ chính sách'],
  // administrative verbs and judgements
  ['tăng cường', 'đẩy mạnh', 'tích cực hơn', 'quyết liệt hơn', 'mạnh tay hơn'],
  ['coi trọng', 'chú trọng', 'quan tâm', 'chăm lo', 'dành sự quan tâm'],
  ['cắt giảm', 'giảm bớt', 'cắt bớt', 'bớt', 'hạn chế bớt'],
  ['phân cấp', 'phân quyền', 'giao quyền', 'trao quyền'],
  ['đánh giá', 'chấm điểm', 'nhận xét', 'xếp loại', 'phân loại'],
  ['hằng năm', 'hàng năm', 'mỗi năm', 'năm một lần', 'định kỳ hằng năm'],
  ['luân chuyển', 'điều động', 'điều chuyển'],
  ['đối thoại', 'tiếp xúc', 'gặp gỡ', 'tiếp dân', 'tiếp công dân'],
  ['trễ hẹn', 'quá hạn', 'chậm trễ', 'hẹn đi hẹn lại', 'hẹn lên hẹn xuống', 'để lâu'],
  ['niêm yết', 'công khai', 'niêm yết công khai', 'thông báo rộng rãi'],
  ['siết chặt', 'quản lý chặt chẽ', 'chấn chỉnh', 'siết lại', 'kiểm soát chặt', 'kiểm soát chặt chẽ'],
  ['miễn phí', 'không mất tiền', 'không thu phí', 'không thu tiền'],
  ['thỏa đáng', 'xứng đáng', 'tương xứng'],
  ['thu hút', 'kéo về', 'mời gọi', 'thu hút về'],
  ['dôi dư', 'dôi ra', 'thôi việc', 'nghỉ việc do sắp xếp', 'tinh giản'],
  ['tốn kém', 'tốn tiền', 'gánh nặng chi phí', 'chi phí cao'],
  ['thủ đoạn', 'chiêu', 'chiêu trò', 'mánh khóe', 'thủ đoạn tinh vi'],
  ['hách dịch', 'quát nạt', 'gây khó dễ', 'làm khó', 'cửa quyền', 'thiếu tôn trọng dân'],
  // the draft's form
  ['lặp lại', 'trùng lặp', 'nhắc đi nhắc lại', 'nhắc lại nhiều lần', 'lặp đi lặp lại'],
  ['dài dòng', 'rườm rà', 'quá dài', 'dài quá', 'còn dài'],
  ['ngắn gọn', 'rút gọn', 'viết gọn', 'cô đọng', 'súc tích'],
  ['dễ hiểu', 'giản dị', 'dễ đọc', 'dễ tiếp cận', 'dễ nắm', 'gần gũi'],
  // credit, labour, prices
  ['tín chấp', 'vay tín chấp', 'không cần tài sản bảo đảm', 'không phải thế chấp', 'không cần thế chấp', 'không thế chấp'],
  ['xuất khẩu lao động', 'đi làm việc ở nước ngoài', 'lao động ở nước ngoài', 'đi lao động nước ngoài', 'lao động đi làm việc ở nước ngoài'],
  ['ngoại ngữ', 'tiếng anh', 'tiếng nước ngoài', 'học tiếng'],
  ['bình ổn giá', 'kiềm giá', 'ổn định giá', 'kiểm soát giá', 'giữ giá', 'bình ổn'],
  ['thuốc bảo vệ thực vật', 'thuốc trừ sâu', 'thuốc diệt cỏ', 'thuốc nông nghiệp'],
  ['vật tư nông nghiệp', 'phân bón', 'vật tư đầu vào', 'đầu vào sản xuất', 'chi phí đầu vào'],
  ['đất sản xuất', 'ruộng đất', 'đất canh tác', 'đất nông nghiệp'],
  ['quy hoạch treo', 'dự án treo', 'quy hoạch kéo dài'],
  // services and facilities
  ['lưới điện', 'trạm biến áp', 'đường dây điện', 'hệ thống điện'],
  ['cơ sở thờ tự', 'nhà thờ', 'chùa', 'đình chùa', 'nơi thờ tự', 'thánh thất', 'nhà nguyện'],
  ['hồ chứa', 'hồ chứa nước', 'hồ đập', 'hồ thủy lợi', 'đập'],
  ['hạ du', 'hạ lưu', 'vùng hạ du'],
  ['đuối nước', 'chết đuối', 'đuối'],
  ['dạy bơi', 'học bơi', 'kỹ năng bơi', 'bơi'],
  ['biển báo', 'biển cảnh báo', 'rào chắn', 'cắm biển'],
  ['nhà trẻ', 'nhóm trẻ', 'mẫu giáo', 'trường mẫu giáo', 'nhóm trẻ gia đình'],
  ['nhà lưu trú', 'nhà trọ', 'chỗ ở', 'nơi ở'],
  ['camera', 'camera an ninh', 'camera giám sát'],
  ['nông trường', 'lâm trường', 'nông lâm trường', 'công ty nông lâm nghiệp'],
  ['bạo lực học đường', 'đánh nhau', 'học sinh đánh nhau'],
];

/**
 * Words that carry no opinion of their own: grammar, requests ("đề nghị", "kiến nghị", "mong") and pronouns.
 * They are kept for reading and for exact duplicates but do not count when two comments are compared.
 */
export const STOPWORDS: string[] = [
  'và', 'với', 'của', 'các', 'những', 'mọi', 'cho', 'là', 'thì', 'mà', 'để', 'ở', 'trong', 'tại', 'về', 'từ', 'đến', 'tới',
  'có', 'được', 'bị', 'này', 'đó', 'kia', 'ấy', 'đã', 'đang', 'sẽ', 'vẫn', 'còn', 'rất', 'cũng', 'hơn', 'nữa', 'lắm', 'quá',
  'việc', 'sự', 'cái', 'một', 'nhiều', 'như', 'theo', 'hoặc', 'hay', 'vì', 'do', 'nên', 'khi', 'lại', 'ra', 'vào', 'đi',
  'nhất', 'là', 'thật', 'đây', 'này', 'nào', 'gì', 'ai', 'đâu', 'sao', 'thế', 'vậy', 'nhưng', 'tuy', 'nếu', 'thì',
  'tuy nhiên', 'ngoài ra', 'theo tôi', 'bên cạnh đó', 'mặt khác',
  'đề nghị', 'kiến nghị', 'đề xuất', 'mong', 'mong muốn', 'kính', 'xin', 'cần', 'phải', 'nên', 'yêu cầu', 'kính đề nghị',
  'tôi', 'chúng tôi', 'em', 'chúng em', 'mình', 'chúng ta', 'họ', 'ạ', 'ban soạn thảo', 'dự thảo', 'đồng chí', 'các đồng chí',
  'nội dung', 'vấn đề', 'tình trạng', 'hiện nay', 'hiện', 'thời gian qua', 'công tác', 'các cấp', 'có', 'thêm', 'cao', 'nhằm',
  'đồng thời', 'trong đó', 'đặc biệt', 'nhất là', 'bao gồm', 'gắn với', 'đối với', 'so với', 'cùng', 'bằng', 'qua', 'rồi',
];

/**
 * Grammar words typed without marks are ambiguous: "qua" may be qua or quả (kết quả), "can" cần or cán (cán bộ),
 * "dang" đang or đảng. Only these unmarked spellings are safe to treat as grammar words.
 */
export const STOPWORDS_SAFE_UNMARKED: string[] = [
  'va', 'cac', 'nhung', 'duoc', 'voi', 'la', 'cho', 'nay', 'se', 'rat', 'nua', 'viec', 'mot', 'nhieu', 'theo', 'hoac', 'hay', 'khi', 'ra',
  'vao', 'gi', 'neu', 'phai', 'em', 'nhu the',
];

// ---------------------------------------------------------------------------------------------------------------
// Courtesy and agreement. A comment often opens with a greeting, an agreement formula or a self-introduction and
// closes with thanks or wishes; none of it is the opinion. A clause (text between punctuation) is dropped from
// the start or the end of a comment when every word in it is a filler word and it contains a filler head of a
// kind allowed there. Agreement that is the whole comment is an opinion of its own: the normalizer reports it.

/** Heads: the words that make a clause a formula, by kind. */
export const FILLER_HEADS = {
  greeting: ['kính gửi', 'kính thưa', 'xin chào', 'chào', 'thưa'],
  agreement: ['nhất trí', 'đồng ý', 'thống nhất', 'tán thành', 'đồng tình', 'hoan nghênh', 'ủng hộ'],
  thanks: ['cảm ơn', 'cám ơn', 'trân trọng', 'chân thành'],
  wishes: ['chúc', 'thành công tốt đẹp'],
  praise: ['công phu', 'kỹ lưỡng', 'rõ ràng', 'đầy đủ', 'toàn diện', 'sâu sắc', 'chặt chẽ', 'khoa học', 'mạch lạc', 'chất lượng', 'tâm huyết', 'sát thực tế', 'hay', 'tốt'],
  announce: ['góp ý', 'ý kiến', 'như sau', 'một ý', 'theo tôi', 'ngoài ra', 'tuy nhiên', 'bên cạnh đó', 'mặt khác', 'nghiên cứu', 'qua nghiên cứu'],
  noMore: ['không có ý kiến', 'không có ý kiến gì', 'không bổ sung', 'không góp ý', 'không có gì', 'không có gì thêm', 'không ý kiến'],
  plea: ['xem xét', 'tiếp thu', 'quan tâm', 'ghi nhận', 'giải quyết', 'nguyện vọng', 'lắng nghe', 'sớm được', 'mong được'],
};

/** Words a formula may contain besides its head. */
export const FILLER_GLUE: string[] = [
  'tôi', 'chúng tôi', 'em', 'chúng em', 'cháu', 'mình', 'xin', 'kính', 'rất', 'cao', 'hoàn toàn', 'cơ bản', 'về cơ bản', 'với', 'và', 'của', 'cùng',
  'nội dung', 'bố cục', 'dự thảo', 'báo cáo', 'báo cáo chính trị', 'văn kiện', 'văn bản', 'đại hội', 'ban soạn thảo', 'đồng chí', 'các đồng chí',
  'lãnh đạo', 'các cấp', 'quý', 'ban', 'tổ', 'biên tập', 'thành công', 'tốt đẹp', 'đã', 'được', 'chuẩn bị', 'xây dựng', 'viết', 'soạn thảo', 'có', 'ý kiến',
  'gì', 'thêm', 'khác', 'nữa', 'bổ sung', 'sau', 'qua', 'nghiên cứu', 'đọc', 'kỹ', 'ạ', 'một', 'nhỏ', 'ý', 'sớm', 'mong', 'rất mong', 'kính mong', 'hy vọng',
  'trân trọng', 'đây', 'là', 'nhiều', 'người dân', 'nhân dân', 'bà con', 'cử tri', 'này', 'thật', 'sự', 'vô cùng', 'toàn thể', 'các', 'những', 'đông đảo',
  'tham gia', 'đóng góp', 'để', 'cho', 'vào', 'trong', 'thì', 'nên', 'có thể', 'chung', 'lần', 'này', 'thay mặt', 'đoàn viên', 'hội viên', 'chi bộ', 'chi đoàn', 'chi hội',
  'thảo luận', 'như', 'sau đây', 'kỳ', 'tới', 'sắp', 'diễn ra', 'tiếp', 'không', 'đã', 'ban chấp hành', 'đảng bộ', 'các cơ quan',
];

/**
 * Self-introductions open a comment ("Tôi là đảng viên chi bộ thôn, …", "Là hội viên Chi hội Phụ nữ thôn Tân Hòa,").
 * A leading clause that starts this way and holds no request is dropped with its names and places.
 */
export const SELF_INTRODUCTIONS: string[] = ['tôi là', 'em là', 'chúng tôi là', 'cháu là', 'là', 'là một', 'thay mặt', 'với tư cách', 'bản thân tôi là', 'tôi đang', 'em đang'];

/** Words that make a clause a request, so that it is never taken for a self-introduction. */
export const REQUEST_WORDS: string[] = ['đề nghị', 'kiến nghị', 'đề xuất', 'mong', 'cần', 'nên', 'phải', 'yêu cầu', 'không nên', 'chưa', 'không'];

// ---------------------------------------------------------------------------------------------------------------
// Direction. Two comments on the same subject that pull in opposite directions are different opinions however
// many words they share. Each axis lists the words for one way and for the other; a negation just before a word
// turns it around ("không sáp nhập" pulls against "sáp nhập").

export interface DirectionAxis {
  axis: string;
  up: string[];
  down: string[];
}

export const DIRECTIONS: DirectionAxis[] = [
  { axis: 'amount', up: ['tăng', 'nâng', 'nâng mức', 'tăng thêm', 'gia tăng', 'tăng mức', 'nâng lên', 'tăng lên', 'cao hơn'], down: ['giảm', 'hạ', 'cắt giảm', 'giảm bớt', 'hạ thấp', 'giảm xuống', 'hạ xuống', 'bớt', 'thấp hơn', 'rút bớt'] },
  {
    axis: 'presence',
    up: ['bổ sung', 'thêm', 'đưa vào', 'bổ sung thêm', 'thành lập', 'bố trí', 'giữ lại', 'giữ', 'giữ nguyên', 'tiếp tục', 'duy trì'],
    down: ['bỏ', 'loại bỏ', 'lược bỏ', 'xóa bỏ', 'bãi bỏ', 'cắt bỏ', 'đưa ra khỏi', 'rút khỏi', 'giải thể', 'xóa', 'tạm dừng', 'dừng', 'ngừng', 'dừng lại', 'chấm dứt'],
  },
  { axis: 'permission', up: ['cho phép', 'cấp phép', 'mở cửa', 'được phép', 'nới lỏng'], down: ['cấm', 'nghiêm cấm', 'không cho phép', 'siết chặt', 'thắt chặt', 'cấm đoán', 'trái phép', 'không phép', 'không có giấy phép'] },
  { axis: 'encouragement', up: ['khuyến khích', 'tạo điều kiện', 'ưu đãi', 'đẩy mạnh'], down: ['hạn chế', 'kìm hãm', 'ngăn chặn'] },
  { axis: 'scope', up: ['mở rộng', 'phát triển thêm', 'nhân rộng', 'đẩy mạnh'], down: ['thu hẹp', 'co hẹp', 'thu gọn'] },
  { axis: 'duration', up: ['kéo dài', 'gia hạn', 'dài hạn'], down: ['rút ngắn', 'ngắn lại', 'ngắn hạn'] },
  // A text found too thin (and to be filled out) against one found too long (and to be cut).
  {
    axis: 'detail',
    up: ['chi tiết hơn', 'đầy đủ hơn', 'cụ thể hơn', 'sâu hơn', 'kỹ hơn', 'sơ sài', 'chung chung', 'chưa đầy đủ', 'chưa cụ thể', 'phân tích sâu', 'viết dài thêm', 'dài thêm'],
    down: ['ngắn gọn', 'cô đọng', 'súc tích', 'rút gọn', 'dài', 'dài dòng', 'lặp lại', 'trùng lặp', 'viết gọn', 'gọn lại', 'bớt'],
  },
  { axis: 'pace', up: ['đẩy nhanh', 'sớm', 'khẩn trương', 'ngay'], down: ['lùi', 'hoãn', 'chậm lại', 'giãn', 'tạm hoãn', 'từ từ', 'lùi thời điểm'] },
  { axis: 'unity', up: ['sáp nhập', 'sát nhập', 'hợp nhất', 'gộp', 'tập trung', 'dồn'], down: ['tách', 'chia tách', 'tách ra', 'phân tán', 'tách riêng'] },
  { axis: 'authority', up: ['phân cấp', 'phân quyền', 'giao quyền', 'trao quyền'], down: ['giữ lại thẩm quyền', 'thu hồi thẩm quyền', 'tập trung quyền'] },
  { axis: 'supply', up: ['thiếu', 'không đủ', 'thiếu hụt'], down: ['thừa', 'dư thừa', 'dôi dư', 'dư'] },
  { axis: 'agreement', up: ['nhất trí', 'đồng ý', 'tán thành', 'ủng hộ'], down: ['phản đối', 'không tán thành', 'bác bỏ'] },
  { axis: 'market', up: ['bao tiêu', 'can thiệp', 'trợ giá'], down: ['thị trường tự điều tiết', 'tự điều tiết'] },
];

/**
 * Compounds that contain a word of a synonym row but mean something else: "dân" is người dân, "dân tộc" is not.
 * Matched first (longest match) and given no meaning.
 */
export const NOT_SYNONYMS: string[] = [
  'dân tộc', 'dân cư', 'dân chủ', 'dân số', 'dân sinh', 'dân vận', 'dân dụng', 'dân gian', 'dân quân', 'dân phòng', 'dân sự', 'dân trí', 'dân ca',
  'tiền lương', 'tiền đề', 'tiền thân', 'giá trị', 'giá đỡ', 'ngay thẳng', 'nhanh nhạy', 'di động xã hội', 'điện thoại viên', 'thủ tục đầu tư',
];

/** Phrases that start with a direction word but name a thing or a manner, not a direction. */
export const NOT_DIRECTIONS: string[] = [
  'nâng cấp', 'nâng cao', 'hạ tầng', 'hạ du', 'hạ lưu', 'tăng cường', 'tăng trưởng', 'giảm nghèo', 'bỏ trống', 'bỏ hoang', 'bỏ không', 'bỏ phiếu',
  'thêm vào đó', 'giữ gìn', 'giữ vững', 'cấm vận', 'sớm nhất', 'dài hạn', 'ngắn hạn', 'trung hạn',
];

/**
 * Words that introduce what a comment asks for. A negator right after one ("đề nghị không …", "đề nghị tỉnh không
 * nên …") asks for the opposite of the same words without it. "Nên", "cần" and "phải" are left out: they as often
 * mean "so", "needs" and "has to" in a description ("nên không dám làm", "phải dùng nước giếng").
 */
export const REQUEST_HEADS: string[] = ['đề nghị', 'kiến nghị', 'đề xuất', 'mong', 'mong muốn', 'yêu cầu', 'kính đề nghị', 'kính mong'];
/** Negators that turn a request around, unless followed by a word that makes them something else ("không để", "không chỉ"). */
export const REQUEST_NEGATORS: string[] = ['không', 'không nên', 'chưa nên', 'không được', 'không cho'];
/** Negators that make a request against something wherever they stand ("… thì không nên …"). */
export const SHOULD_NOT: string[] = ['không nên', 'chưa nên'];
/** Words after a negator that make it a description or a manner, not a request against ("không để", "không chỉ", "không có"). */
export const NOT_REQUEST_NEGATION: string[] = ['để', 'chỉ', 'những', 'có', 'phải', 'còn', 'ngừng', 'ngại', 'bao giờ'];
/** Words that end what a request is about: a reason or a purpose follows. */
export const CLAUSE_LINKS: string[] = ['vì', 'do', 'bởi', 'bởi vì', 'để', 'nhằm', 'mà', 'nhưng', 'tránh', 'vì vậy'];

/** Words that turn the next direction word around. */
export const NEGATORS: string[] = ['không', 'chưa', 'đừng', 'chớ', 'không nên', 'chưa nên', 'không được', 'tránh', 'hạn chế việc', 'thôi', 'không cần'];

// ---------------------------------------------------------------------------------------------------------------
// Places. A capitalised name after one of these nouns ("thôn Tân Lập", "suối Đắk Mi", "chợ Chiều") or a number
// after it ("thôn 4", "khu phố 5") names a place; two proposals for different places are different opinions.

/**
 * Capitalised words that name institutions, titles and documents, not places or people: "Ủy ban nhân dân",
 * "Ban soạn thảo", "Nghị quyết". Any other capitalised run inside a sentence is taken as a name.
 */
export const INSTITUTIONS: string[] = [
  'đảng', 'đảng bộ', 'nhà nước', 'chính phủ', 'quốc hội', 'trung ương', 'mặt trận', 'tổ quốc', 'mặt trận tổ quốc', 'ủy ban', 'hội đồng', 'nhân dân',
  'ban', 'chấp hành', 'thường vụ', 'thường trực', 'bí thư', 'chủ tịch', 'phó chủ tịch', 'đại hội', 'nghị quyết', 'chỉ thị', 'kết luận', 'quy định', 'luật',
  'hiến pháp', 'đoàn', 'hội', 'chi hội', 'chi đoàn', 'chi bộ', 'công an', 'quân đội', 'bộ', 'sở', 'phòng', 'tỉnh ủy', 'huyện ủy', 'đảng ủy', 'thành ủy',
  'dân vận', 'tuyên giáo', 'soạn thảo', 'ban soạn thảo', 'việt nam', 'bác hồ', 'hồ chí minh', 'thanh niên', 'phụ nữ', 'nông dân', 'cựu chiến binh',
  'liên hiệp', 'cộng sản', 'người cao tuổi', 'chữ thập đỏ', 'công đoàn', 'liên đoàn', 'lao động', 'kiểm tra', 'tuyên truyền', 'báo cáo chính trị',
  'báo cáo', 'văn kiện', 'dự thảo', 'nhà', 'tôi', 'chúng tôi', 'em', 'kính', 'xin', 'đề nghị', 'cảm ơn', 'trân trọng', 'tết', 'nguyên đán',
];

/** Compass points after "phía", "miền" …: "các xã phía tây" and "các xã phía đông" are different places. */
export const COMPASS_NOUNS: string[] = ['phía', 'miền', 'vùng', 'khu vực', 'hướng', 'mạn'];
export const COMPASS_POINTS: string[] = ['đông', 'tây', 'nam', 'bắc', 'đông nam', 'đông bắc', 'tây nam', 'tây bắc', 'trung'];

export const PLACE_NOUNS: string[] = [
  'thôn', 'ấp', 'bản', 'buôn', 'làng', 'xóm', 'sóc', 'plei', 'tổ', 'tổ dân phố', 'khu phố', 'khu', 'khu dân cư', 'xã', 'phường', 'thị trấn', 'đặc khu',
  'huyện', 'quận', 'thị xã', 'tỉnh', 'thành phố', 'sông', 'suối', 'kênh', 'rạch', 'hồ', 'đập', 'cầu', 'chợ', 'đường', 'phố', 'ngõ', 'hẻm', 'núi', 'đèo',
  'đồi', 'cảng', 'bến', 'bến xe', 'bãi biển', 'biển', 'đảo', 'cánh đồng', 'đồng', 'xứ đồng', 'khu công nghiệp', 'cụm công nghiệp', 'trường', 'bệnh viện',
  'quốc lộ', 'tỉnh lộ', 'đường tỉnh', 'hương lộ', 'vịnh', 'mũi', 'ngã ba', 'ngã tư', 'khóm', 'đội', 'tiểu khu', 'đồn', 'nông trường', 'lâm trường',
];

// ---------------------------------------------------------------------------------------------------------------
// Contrast sets. Words of one set name things of one kind that a proposal is for or about: groups of people,
// office holders, fields of policy. Two comments that each name members of a set, and no member
// in common, are about different things ("tuyên truyền cho học sinh" / "tuyên truyền cho người cao tuổi") however
// alike their other words. Each member lists the phrases that name it; phrases of one member are never a contrast.
// Members are specific on purpose: general words ("người dân", "lao động", "các cháu") name no one in particular.

export const CONTRAST_SETS: Record<string, string[][]> = {
  // Whom a proposal is for. Actors that proposals mostly address (công an, doanh nghiệp, chính quyền) are left out.
  people: [
    ['trẻ em', 'trẻ nhỏ', 'thiếu nhi', 'trẻ mầm non'],
    ['học sinh', 'học trò'],
    ['sinh viên'],
    ['thanh niên', 'đoàn viên', 'giới trẻ', 'người trẻ', 'lớp trẻ', 'đoàn viên thanh niên'],
    ['phụ nữ', 'chị em phụ nữ', 'nữ giới', 'hội viên phụ nữ', 'lao động nữ'],
    ['người cao tuổi', 'người già', 'người lớn tuổi', 'cụ già'],
    ['người khuyết tật', 'người tàn tật'],
    ['người có công', 'cựu chiến binh', 'thương binh', 'bệnh binh', 'thân nhân liệt sĩ', 'gia đình liệt sĩ', 'gia đình chính sách'],
    ['nông dân', 'hộ nông dân', 'người làm nông'],
    ['ngư dân'],
    ['công nhân', 'người lao động', 'công nhân lao động'],
    ['tiểu thương', 'hộ kinh doanh', 'hộ buôn bán', 'người buôn bán'],
    ['giáo viên', 'thầy cô', 'thầy cô giáo', 'nhà giáo', 'cô giáo', 'thầy giáo'],
    ['bác sĩ', 'y bác sĩ', 'nhân viên y tế', 'thầy thuốc', 'cán bộ y tế'],
    ['cán bộ', 'công chức', 'viên chức', 'cán bộ công chức', 'cán bộ công chức viên chức', 'đảng viên', 'cán bộ đảng viên'],
    ['hộ nghèo', 'người nghèo', 'hộ cận nghèo'],
    ['người dân tộc thiểu số', 'đồng bào dân tộc thiểu số', 'đồng bào dân tộc'],
    ['chức sắc', 'chức việc', 'tín đồ', 'đồng bào có đạo', 'giáo dân', 'phật tử'],
  ],
  // Who is to act: office holders of the commune or province, elected deputies, heads of villages.
  office: [
    ['bí thư', 'chủ tịch', 'người đứng đầu', 'bí thư cấp ủy', 'chủ tịch ủy ban nhân dân'],
    ['đại biểu', 'đại biểu hội đồng nhân dân', 'đại biểu quốc hội', 'đại biểu dân cử'],
    ['trưởng thôn', 'trưởng ấp', 'trưởng bản', 'phó thôn', 'tổ trưởng tổ dân phố', 'bí thư chi bộ'],
  ],
  // Fields of policy, as a draft's chapters name them.
  field: [
    ['nông nghiệp', 'trồng trọt', 'chăn nuôi'],
    ['lâm nghiệp'],
    ['thủy sản'],
    ['công nghiệp', 'công nghiệp chế biến'],
    ['thương mại', 'thương mại dịch vụ'],
    ['du lịch'],
    ['kinh tế biển'],
    ['chuyển đổi số', 'kinh tế số', 'công nghệ số'],
    ['khoa học công nghệ', 'khoa học', 'đổi mới sáng tạo'],
    ['giáo dục đào tạo', 'giáo dục'],
    ['y tế', 'chăm sóc sức khỏe'],
    ['văn hóa'],
    ['thể thao', 'thể dục thể thao'],
    ['quốc phòng an ninh', 'quốc phòng', 'an ninh'],
    ['cải cách hành chính'],
    ['tài nguyên môi trường', 'môi trường'],
  ],
};

/** Phrases that contain a member of a contrast set but are something else ("khu công nghiệp" is a place). */
export const NOT_CONTRASTS: string[] = [
  'khu công nghiệp', 'cụm công nghiệp', 'trạm y tế', 'bảo hiểm y tế', 'trung tâm y tế', 'nhà văn hóa', 'văn hóa ứng xử', 'an ninh trật tự',
  'an ninh mạng', 'camera an ninh', 'giáo dục đạo đức', 'giáo dục giới tính', 'giáo dục pháp luật', 'môi trường đầu tư', 'môi trường kinh doanh',
  'môi trường văn hóa', 'khoa học kỹ thuật',
];
