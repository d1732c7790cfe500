/** The action classes in the order and colours the report shows them (colour-blind-safe palette). */
import type { ActionClass } from '../schema/document.js'

export const CLASSES: Array<{ name: ActionClass; colour: string }> = [
  { name: 'launching', colour: '#0072B2' },
  { name: 'advancing', colour: '#009E73' },
  { name: 'celebrating', colour: '#CC79A7' },
  { name: 'welcoming', colour: '#E69F00' },
  { name: 'noting', colour: '#56B4E9' },
  { name: 'exploring', colour: '#D55E00' },
  { name: 'other', colour: '#999999' }
]
