// The words for every key in codes.ts, Chinese and English. Each map is
// typed over the whole union: a new flag kind, state or error code without
// words here fails to compile. The UI and the workbook take their words from
// these maps only.
import type { QualityKind } from '../quality/types.js';
import type { ErrorCode, FlagKind, FlagStatus, GridState, JobStatus } from './codes.js';

export type Lang = 'zh' | 'en';
export interface Words {
  zh: string;
  en: string;
}

/** Kinds a flag can have: the extractor's (model.ts), the export's cross-year checks and the quality checks (质量问题). */
export type AnyFlagKind = FlagKind | 'cross_year' | QualityKind;

/** Each kind: `name`, a short label (a workbook column, a filter); `text`, what it means, said to the archivist. */
export const FLAG_KIND_WORDS: { readonly [K in AnyFlagKind]: { name: Words; text: Words } } = {
  rule: { name: { zh: '勾稽关系不符', en: 'rule failed' }, text: { zh: '勾稽关系不成立', en: 'the totals do not add up' } },
  incomplete_row: {
    name: { zh: '行数据不完整', en: 'incomplete row' },
    text: { zh: '该行数字少于列数，单元格留空待核', en: 'fewer numbers than columns; cells left blank to check' },
  },
  unparseable: { name: { zh: '无法识别的数值', en: 'unreadable value' }, text: { zh: '无法识别的数值', en: 'a value that could not be read' } },
  missing_table: { name: { zh: '缺少表格', en: 'missing table' }, text: { zh: '未找到此表', en: 'table not found' } },
  missing_row: { name: { zh: '缺少行', en: 'missing row' }, text: { zh: '未找到此行', en: 'row not found' } },
  ambiguous: { name: { zh: '读数不唯一', en: 'ambiguous' }, text: { zh: '读数不唯一，留空或待核', en: 'more than one reading; left blank or to check' } },
  inferred: { name: { zh: '推算值', en: 'inferred value' }, text: { zh: '数值由推算得出，并非直接读出', en: 'value inferred, not read' } },
  extra_cells: {
    name: { zh: '数字多于列数', en: 'extra cells' },
    text: { zh: '数字多于列数，取舍为推测', en: 'more numbers than columns; which were kept is a guess' },
  },
  readings_differ: {
    name: { zh: '表格与文本读数不同', en: 'readings differ' },
    text: {
      zh: '按表格结构与按文本读出的数值不同（保留表格结构的读数），请对照原件核对',
      en: "the table grid and the text give different values (the grid's is kept); check against the original",
    },
  },
  layout_doubt: {
    name: { zh: '表格版式存疑', en: 'layout doubt' },
    text: {
      zh: '此表有两行以上错位或读数不唯一，表中读出的数值都须对照原件核对',
      en: 'two or more rows of this table were out of order or ambiguous; check every value read in it against the original',
    },
  },
  template_mismatch: {
    name: { zh: '模板与年度不符', en: 'template mismatch' },
    text: { zh: '年度与表格模板不符', en: "the tables' template does not match the year" },
  },
  hybrid_template: { name: { zh: '混用两版模板', en: 'hybrid template' }, text: { zh: '表格混用两版模板', en: 'the tables mix the two templates' } },
  unknown_agency: { name: { zh: '机关不明', en: 'unknown agency' }, text: { zh: '未能从标题识别机关名称', en: 'the agency could not be read from the title' } },
  unknown_year: { name: { zh: '年度不明', en: 'unknown year' }, text: { zh: '未能识别报告年度', en: 'the report year could not be read' } },
  needs_ocr: {
    name: { zh: '需要文字识别', en: 'needs OCR' },
    text: { zh: '扫描件，无文字层，需要文字识别（OCR）', en: 'a scan without a text layer: needs OCR' },
  },
  ocr: {
    name: { zh: '文字识别所得', en: 'read by OCR' },
    text: { zh: '数值由文字识别（OCR）从扫描件读出，请逐一核对原件', en: 'values read by OCR from a scan; check each against the original' },
  },
  source_conflict: {
    name: { zh: '来源不一致', en: 'sources disagree' },
    text: { zh: '同一报告的两份来源文件读数不同，请核对原件', en: 'two source files of this report read the cell differently; check the original' },
  },
  version_changed: {
    name: { zh: '版本读数不同', en: 'version reads differently' },
    text: {
      zh: '切换后的版本读数不同，原更正留在旧版本',
      en: 'the version switched to reads this corrected cell differently; the correction stays on the old version',
    },
  },
  cross_year: {
    name: { zh: '跨年度不符', en: 'cross-year mismatch' },
    text: { zh: '与上一年度报告衔接不上', en: "does not follow from the previous year's report" },
  },
  // quality checks (质量问题): their sentences are built from the flag's detail (quality.ts)
  late_publication: { name: { zh: '逾期发布', en: 'published late' }, text: { zh: '逾期发布', en: 'published after the deadline' } },
  publication_date_unknown: {
    name: { zh: '发布日期不明', en: 'publication date unknown' },
    text: { zh: '报告未注明发布日期', en: 'the report states no publication date' },
  },
  copied_text: { name: { zh: '内容雷同', en: 'copied text' }, text: { zh: '与另一份报告内容雷同', en: 'the same text as another report' } },
  missing_section: {
    name: { zh: '章节缺失或空洞', en: 'missing or empty section' },
    text: { zh: '章节缺失或没有实际内容', en: 'a section missing or without content' },
  },
  year_mismatch: {
    name: { zh: '年度不一致', en: 'year mismatch' },
    text: { zh: '标题、统计期限与正文的年度不一致', en: 'the title, period and body name different years' },
  },
  prose_mismatch: {
    name: { zh: '正文与表格不符', en: 'prose contradicts tables' },
    text: { zh: '正文所述数字与表格不符', en: 'a figure in the prose differs from the table' },
  },
};

/** A report's review state, and a grid cell without a report. Same words in the app and the workbook. */
export const STATUS_WORDS: { readonly [K in GridState]: Words } = {
  unreviewed: { zh: '未审核', en: 'Not reviewed' },
  flagged: { zh: '有疑问', en: 'Flagged' },
  verified: { zh: '已核实', en: 'Verified' },
  missing: { zh: '缺失', en: 'Missing' },
};

export const FLAG_STATUS_WORDS: { readonly [K in FlagStatus]: Words } = {
  open: { zh: '待处理', en: 'open' },
  accepted: { zh: '已确认（原文如此）', en: 'accepted (as in the original)' },
  fixed: { zh: '已更正', en: 'fixed by a correction' },
};

export const JOB_STATUS_WORDS: { readonly [K in JobStatus]: Words } = {
  running: { zh: '进行中', en: 'Running' },
  done: { zh: '已完成', en: 'Finished' },
  failed: { zh: '失败', en: 'Failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/**
 * Every error code in words. `{name}` placeholders are filled from the
 * error's params; a missing param leaves the sentence without it (the words
 * must read well with no params at all).
 */
export const ERROR_WORDS: { readonly [K in ErrorCode]: Words } = {
  // reader (ReadError)
  unsupported: { zh: '不支持的文件格式；请另存为 Word、PDF 或纯文本文件', en: 'unsupported file format; save it as .docx, .pdf or .txt' },
  not_text: { zh: '不是可读的文本文件（二进制内容或无法识别的编码）', en: 'not a readable text file (binary content or an unknown encoding)' },
  empty: { zh: '文件中没有文字', en: 'the file holds no text' },
  too_large: { zh: '文件过大，超出可读取的上限', en: 'the file is too large to read' },
  corrupt: { zh: '文件已损坏，无法读取；请用原程序打开后重新保存', en: 'the file is damaged; open it in its program and save it again' },
  encrypted: { zh: '文件有密码保护；请去除密码后另存一份', en: 'the file is password-protected; save a copy without the password' },
  needs_conversion: {
    zh: '无法直接读取的旧格式；请用 Word 或 WPS 另存为新版 Word 文件',
    en: 'an old format that cannot be read directly; save it as .docx in Word or WPS',
  },
  timeout: { zh: '读取超时，已停止；请拆分文件或单独导入', en: 'reading took too long and was stopped; split the file or import it alone' },
  io: { zh: '无法打开或读取文件', en: 'the file could not be opened or read' },
  // reader caps (read/limits.ts) and the import workers (jobs/pool.ts)
  table_too_large: {
    zh: '文件中的表格过大（第 {table} 个表格 {rows} 行 × {cols} 列），超出上限（每表 {maxRows} 行、{maxCols} 列、{maxCells} 个单元格），未读取',
    en: 'a table in the file is too large (table {table}: {rows} rows × {cols} columns), past the limits ({maxRows} rows, {maxCols} columns, {maxCells} cells a table); not read',
  },
  too_much_text: {
    zh: 'PDF 中的文字片段过多（读到第 {page} 页时已超过上限 {limit}），未读取',
    en: 'the PDF holds too many pieces of text (past the limit of {limit} by page {page}); not read',
  },
  image_too_large: {
    zh: '图片尺寸过大（{width}×{height} 像素，上限 {limitMp} 百万像素），未读取',
    en: 'the image is too large ({width}×{height} pixels; the limit is {limitMp} megapixels); not read',
  },
  zip_bomb: {
    zh: '文件解压后过大或条目过多（疑似压缩炸弹；上限 {limitMb} 兆字节、{maxEntries} 个条目），未读取',
    en: 'the file inflates to too much data or holds too many entries (a zip bomb? limits {limitMb} MB, {maxEntries} entries); not read',
  },
  out_of_memory: {
    zh: '读取此文件所需内存超过上限（{limitMb} 兆字节），已停止；其他文件照常导入',
    en: 'reading this file needed more memory than allowed ({limitMb} MB) and was stopped; the other files go on',
  },
  worker_crashed: {
    zh: '读取程序在此文件上意外退出（退出码 {exit}）；其他文件照常导入',
    en: 'the reader stopped unexpectedly on this file (exit {exit}); the other files go on',
  },
  // per file, besides the readers
  not_report: { zh: '不是政府信息公开年报：未找到机关、年度或三张表', en: 'not an annual report: no agency, no year and none of the three tables found' },
  not_regular: { zh: '不是普通文件', en: 'not a regular file' },
  vanished: { zh: '文件在读取前已被删除或移走', en: 'the file disappeared before it could be read' },
  no_permission: { zh: '没有读取此文件的权限', en: 'no permission to read the file' },
  copy_failed: {
    zh: '无法把原文件复制进档案库（磁盘已满或无写入权限？）',
    en: 'the original could not be copied into the archive (disk full or no write permission?)',
  },
  extract_failed: { zh: '提取程序处理此文件时出错，请把文件报告给开发者', en: 'the extractor failed on this file; please report it' },
  original_missing: { zh: '档案库中的原文件副本已丢失；请从备份恢复', en: 'the archived copy of the original is missing; restore it from a backup' },
  original_damaged: {
    zh: '档案库中的原文件副本已损坏（校验值改变）；请从备份恢复',
    en: 'the archived copy of the original is damaged (its checksum changed); restore it from a backup',
  },
  lock_file: { zh: 'Word 或 WPS 打开文件时留下的临时锁定文件', en: 'an Office lock file' },
  no_extension: { zh: '没有扩展名，不是年报格式', en: 'no file extension: not a report format' },
  unsupported_extension: { zh: '不支持的文件类型（不是年报的文件格式）', en: '{ext} files are not a supported report format' },
  symlink: { zh: '快捷方式或符号链接（不跟随）', en: 'a symbolic link (not followed)' },
  folder_unreadable: { zh: '无法读取此文件夹', en: 'the folder cannot be read' },
  hidden: { zh: '隐藏文件或文件夹，未导入', en: 'a hidden file or folder (not imported)' },
  dangling_link: { zh: '失效的符号链接（目标不存在）', en: 'a dangling symbolic link (its target does not exist)' },
  fifo: { zh: '命名管道，不是文件', en: 'a named pipe (FIFO), not a file' },
  crashed: {
    zh: '导入在读取此文件时中断（程序被终止或崩溃）；之后的导入会跳过它，除非选择重试',
    en: 'the import stopped while this file was being read (the program was killed or crashed); later imports skip it unless you retry it',
  },
  new_report: { zh: '新报告', en: 'a new report' },
  same_report: { zh: '与第 {version} 版读数一致：同一报告的另一份文件', en: 'reads as version {version}: another file of the same report' },
  new_version: { zh: '读数不同的新版本；当前版本为 #{active}（按版本规则）', en: 'a new version reading differently; #{active} is active by the version rule' },
  needs_compare: {
    zh: '读数不同的新版本；报告 #{active} 已有审核，保持不变，待比较',
    en: 'a new version reading differently; report #{active} has review work and stays active until you compare',
  },
  duplicate_content: { zh: '已在档案库中（内容相同）', en: 'already in the archive (same content)' },
  duplicate_path: { zh: '已导入（同一路径、大小与修改时间）', en: 'already imported (same path, size and modification time)' },
  unknown: { zh: '无法处理此文件', en: 'the file could not be processed' },
  // archive (ArchiveError)
  not_found: { zh: '未找到所要的内容（可能已被删除或改动）', en: 'not found (it may have been removed or changed)' },
  refused: { zh: '无法打开：这不是可用的档案库文件', en: 'cannot be opened: not a usable archive file' },
  invalid: { zh: '输入无效', en: 'invalid input' },
  busy: { zh: '档案库正忙：另一项导入或重新提取正在进行，请稍后再试', en: 'the archive is busy with another import or re-extraction; try again later' },
  locked: { zh: '档案库正被另一个窗口或程序使用，请稍后再试', en: 'the archive is in use by another window or program; try again in a moment' },
  full: {
    zh: '磁盘已满：档案库已改为只读，已保存的内容不受影响；请腾出空间后重新打开',
    en: 'the disk is full: the archive is now read-only and nothing saved is lost; free some space and open it again',
  },
  read_only: { zh: '档案库以只读方式打开，不能修改', en: 'the archive is open read-only; it cannot be changed' },
  bad_archive_name: { zh: '新建的档案库文件名须以 {ext} 结尾，并放在已有的文件夹中', en: 'a new archive must be named *{ext}, in a folder that exists' },
  export_exists: {
    zh: '导出文件 {file} 已存在，未覆盖；请换一个文件名或确认覆盖',
    en: 'the export file {file} already exists and was not replaced; choose another name or confirm overwriting',
  },
  export_failed: {
    zh: '无法写入导出文件 {file}，已停止并删除未完成的文件（磁盘已满或没有写入权限？{reason}）',
    en: 'the export file {file} could not be written; it was stopped and the unfinished file removed (disk full or no permission? {reason})',
  },
  // services
  no_archive: { zh: '当前没有打开的档案库', en: 'no archive is open' },
  bad_args: { zh: '请求的参数无效', en: 'the request is not valid' },
  unknown_handler: { zh: '未知的操作', en: 'unknown operation' },
  unknown_job: { zh: '未找到此任务（可能已结束很久）', en: 'unknown job (it may have ended long ago)' },
  no_samples: { zh: '此版本未附带示例报告', en: 'no sample reports are bundled with this build' },
  no_original: { zh: '不知道此报告的原文件在哪里', en: 'the original file of this report is not known' },
  original_too_large: {
    zh: '原件过大（{mb} 兆字节），无法在应用内显示，请用“打开原件”',
    en: 'the original is too large to show in the app ({mb} MB); open it instead',
  },
  no_export_file: { zh: '这次导出没有写出文件，没有可显示的文件夹', en: 'this export wrote no file; there is no folder to show' },
  choose_folder: { zh: '请先用“选择文件夹…”选择导出位置', en: 'choose the export folder with “Choose folder…” first' },
  internal: { zh: '程序内部错误，请查看日志', en: 'internal error; see the log' },
};
