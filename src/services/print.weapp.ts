// weapp: a mini-program cannot print; pages show the layout and a hint to
// print from the browser version on a PC.
export function canPrint(): boolean {
  return false
}

export function printPage(): void {}
