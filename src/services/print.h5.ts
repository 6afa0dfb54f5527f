import './print.css'

// h5: a page marks what to print with `.print-area` and its buttons and
// headers with `.no-print`; print.css keeps only the former on paper.
export function canPrint(): boolean {
  return typeof window !== 'undefined' && typeof window.print === 'function'
}

export function printPage(): void {
  if (canPrint()) window.print()
}
