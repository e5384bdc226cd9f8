// Words of the review workbench (page viewer, keyboard grid, queue,
// verification, 修改记录), spread into zh-CN.ts and en.ts.
export const reviewZh = {
  viewPage: '原件页面',
  pageViewerNone: '此格式没有页面可显示，请看原文',
  pageViewerError: '无法显示原件页面：{error}',
  pageViewerUnsupported: '原件（{format}）无法在此显示，请看原文或打开原文件',
  pageOf: '第 {n} / {of} 页',
  pagePrev: '上一页',
  pageNext: '下一页',
  zoomIn: '放大',
  zoomOut: '缩小',
  zoomFit: '适合宽度',
  pageNoPosition: '此处在原件上没有记录位置',
} as const;

export const reviewEn: Record<keyof typeof reviewZh, string> = {
  viewPage: 'Original page',
  pageViewerNone: 'This format has no page to show; see the source text',
  pageViewerError: 'Cannot show the original page: {error}',
  pageViewerUnsupported: 'The original ({format}) cannot be shown here; see the source text or open the original file',
  pageOf: 'Page {n} of {of}',
  pagePrev: 'Previous page',
  pageNext: 'Next page',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Fit width',
  pageNoPosition: 'No position on the original is recorded for this',
};
