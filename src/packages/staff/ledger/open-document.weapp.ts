import Taro from '@tarojs/taro'

// weapp: an image is previewed; a PDF or Word file is downloaded and opened in WeChat's viewer.
export function openDocument(url: string, format: string): void {
  if (['jpeg', 'png', 'webp', 'gif'].includes(format)) {
    void Taro.previewImage({ urls: [url] })
    return
  }
  void Taro.downloadFile({ url }).then((res) => Taro.openDocument({ filePath: res.tempFilePath, fileType: format === 'docx' ? 'docx' : 'pdf' }))
}
