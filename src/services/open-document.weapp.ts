import Taro from '@tarojs/taro'

// weapp: an image is previewed; a PDF, Word or Excel file is downloaded and
// opened in WeChat's viewer; a zip (the whole 台账), which WeChat cannot open,
// has its link copied to be opened on a computer.
export function openDocument(url: string, format: string): void {
  if (['jpeg', 'png', 'webp', 'gif'].includes(format)) {
    void Taro.previewImage({ urls: [url] })
    return
  }
  if (format === 'zip') {
    void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: '下载链接已复制，请在电脑浏览器打开', icon: 'none' }))
    return
  }
  const fileType = format === 'docx' ? 'docx' : format === 'xlsx' ? 'xlsx' : 'pdf'
  void Taro.downloadFile({ url }).then((res) => Taro.openDocument({ filePath: res.tempFilePath, fileType }))
}
