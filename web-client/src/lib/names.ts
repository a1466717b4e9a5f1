/** "Wherever only a first name may be shown, it is the first word of name" (the contract). */
export function firstName(name: string | null | undefined): string {
  return (name ?? '').trim().split(/\s+/)[0] ?? '';
}
