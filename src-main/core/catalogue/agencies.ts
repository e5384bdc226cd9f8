// Agency names as data: the abbreviations reports and archives use for the
// same body, and words a title can hold that never name an agency. Used by
// extract/agency.ts (the canonical name next to the printed one) and by the
// archive's alias matching (sameAgency).

/** Short form → full form, as a name's ending (`某县发改局` = `某县发展和改革局`). Longest first when matched. */
export const AGENCY_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['发改委', '发展和改革委员会'],
  ['发改局', '发展和改革局'],
  ['科委', '科学技术委员会'],
  ['科技局', '科学技术局'],
  ['市监局', '市场监督管理局'],
  ['市场监管局', '市场监督管理局'],
  ['人社局', '人力资源和社会保障局'],
  ['住建局', '住房和城乡建设局'],
  ['住建委', '住房和城乡建设委员会'],
  ['卫健委', '卫生健康委员会'],
  ['卫健局', '卫生健康局'],
  ['教体局', '教育和体育局'],
  ['文旅局', '文化和旅游局'],
  ['文广旅局', '文化广电和旅游局'],
  ['工信局', '工业和信息化局'],
  ['医保局', '医疗保障局'],
  ['应急局', '应急管理局'],
  ['交通局', '交通运输局'],
  ['城管局', '城市管理局'],
  ['退役军人局', '退役军人事务局'],
  ['民宗局', '民族宗教事务局'],
  ['国资委', '国有资产监督管理委员会'],
  ['政数局', '政务服务数据管理局'],
  ['侨办', '侨务办公室'],
  ['台办', '台湾事务办公室'],
  ['编办', '机构编制委员会办公室'],
  ['政府办', '人民政府办公室'],
];

/** Words a title or header can put where the agency goes that are never an agency's name. */
export const NOT_AGENCY_WORDS: readonly string[] = [
  '正文',
  '标题',
  '题目',
  '首页',
  '附件',
  '全文',
  '目录',
  '内容',
  '详情',
  '信息公开',
  '政府信息公开',
  '政务公开',
  '年度报告',
  '工作报告',
  '报告',
  '通知',
  '公告',
  '网站',
  '门户网站',
  '本站',
];
