// "Control+A" → ['Control', 'A']: the combinations the journeys press, for drivers that hold
// modifiers by hand.
export const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta']);
export function splitCombo(combo) {
  const parts = combo.split('+');
  return { mods: parts.slice(0, -1), key: parts.at(-1) };
}
