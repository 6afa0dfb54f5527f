// h5: the browser opens the temporary link (PDF, image) or downloads it (Word).
export function openDocument(url: string, _format: string): void {
  window.open(url, '_blank', 'noopener')
}
