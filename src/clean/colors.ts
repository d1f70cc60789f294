// Enough CSS colour parsing to judge contrast with a white page; named colours listed are the
// near-white ones watermarks use (others are dark enough not to matter here).
const NAMED: Record<string, [number, number, number]> = {
  white: [255, 255, 255], snow: [255, 250, 250], whitesmoke: [245, 245, 245], ghostwhite: [248, 248, 255],
  ivory: [255, 255, 240], floralwhite: [255, 250, 240], azure: [240, 255, 255], mintcream: [245, 255, 250],
  seashell: [255, 245, 238], linen: [250, 240, 230], honeydew: [240, 255, 240], aliceblue: [240, 248, 255],
  gainsboro: [220, 220, 220], lavenderblush: [255, 240, 245], oldlace: [253, 245, 230], transparent: [255, 255, 255],
}

export function parseColor(css: string): [number, number, number] | undefined {
  const c = css.trim().toLowerCase().replace(/\s*!important$/, '')
  if (NAMED[c]) return NAMED[c]
  const hex = c.match(/^#([0-9a-f]{3,8})$/)
  if (hex) {
    const h = hex[1]
    if (h.length === 3 || h.length === 4) return [0, 1, 2].map((i) => parseInt(h[i] + h[i], 16)) as [number, number, number]
    if (h.length === 6 || h.length === 8) return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number]
    return undefined
  }
  const rgb = c.match(/^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/)
  return rgb ? [+rgb[1], +rgb[2], +rgb[3]] : undefined
}

const channel = (v: number) => {
  const s = v / 255
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}

/** WCAG contrast ratio against white: 1 means invisible on a white page, 21 is black. */
export function contrastWithWhite(rgb: [number, number, number]): number {
  const l = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
  return 1.05 / (l + 0.05)
}
