/**
 * Traditional forms of the characters in the field labels this folder matches (記者, 責任編輯,
 * 來源, 版權所有, 相關閱讀 …). Folding a line through this map, one character for one so
 * offsets stay valid, lets each pattern be written once, in Simplified. Names and text are
 * never replaced by it; only the matching sees the folded form.
 */
const TRADITIONAL_LABEL_CHARS: Readonly<Record<string, string>> = {
  記: '记', 編: '编', 輯: '辑', 責: '责', 來: '来', 訊: '讯', 員: '员', 報: '报', 導: '导', 攝: '摄',
  發: '发', 佈: '布', 時: '时', 間: '间', 閱: '阅', 閲: '阅', 讀: '读', 點: '点', 擊: '击', 瀏: '浏',
  覽: '览', 號: '号', 權: '权', 聲: '声', 轉: '转', 載: '载', 經: '经', 許: '许', 複: '复', 製: '制',
  關: '关', 閉: '闭', 頂: '顶', 頁: '页', 掃: '扫', 碼: '码', 識: '识', 長: '长', 薦: '荐', 熱: '热',
  門: '门', 評: '评', 論: '论', 鏈: '链', 題: '题', 聞: '闻', 歡: '欢', 處: '处', 審: '审', 對: '对',
  監: '监', 網: '网', 絡: '络', 數: '数', 訪: '访', 請: '请', 嚴: '严', 樓: '楼', 簡: '简',
  錄: '录', 參: '参', 獻: '献', 註: '注', 釋: '释', 願: '愿', 歸: '归', 屬: '属',
}

export function foldLabels(line: string): string {
  let out = ''
  for (const ch of line) out += TRADITIONAL_LABEL_CHARS[ch] ?? ch
  return out
}
