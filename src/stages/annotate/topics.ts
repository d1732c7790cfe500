/**
 * Stage: topics (SPEC §9). Tags each commitment with the topics whose
 * keywords occur in its text, label or section heading; the keyword map is
 * data (`lexicon/topics.json`) that the config can extend.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import bundled from '../../lexicon/topics.json' with { type: 'json' }
import { perConfig } from '../../config/per-config.js'
import { hasFatal } from '../guard.js'

/**
 * Keywords by their first word: a text is split into lowercase words once
 * and each word looks up the keywords that start with it (33 unicode
 * case-insensitive regexes per commitment were a tenth of the run time).
 */
export interface TopicMatcher {
  topics: string[]
  byFirstWord: Map<string, Array<{ words: string[]; topic: number }>>
}

/** Matchers are compiled once per config object, not once per file. */
const matcherFor = perConfig((config) => compileTopics(config?.topics))

/** Words as the matcher sees them: runs of letters and digits, lowercase ("COVID-19" → covid, 19). */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** Compile the keyword map (bundled, then the config's additions). */
export function compileTopics(extra: Record<string, string[]> = {}): TopicMatcher {
  const map = new Map<string, Set<string>>()
  for (const source of [bundled as Record<string, string[]>, extra]) {
    for (const [topic, keywords] of Object.entries(source)) {
      if (topic.startsWith('$')) continue
      const set = map.get(topic) ?? new Set<string>()
      for (const keyword of keywords) set.add(keyword.toLowerCase())
      map.set(topic, set)
    }
  }
  const topics = [...map.keys()]
  const byFirstWord: TopicMatcher['byFirstWord'] = new Map()
  topics.forEach((topic, index) => {
    for (const keyword of map.get(topic)!) {
      const words = wordsOf(keyword)
      if (words.length === 0) continue
      const list = byFirstWord.get(words[0]!) ?? []
      list.push({ words, topic: index })
      byFirstWord.set(words[0]!, list)
    }
  })
  return { topics, byFirstWord }
}

/** The topics of one text, in the map's order. */
export function topicsOf(matcher: TopicMatcher, ...texts: Array<string | null | undefined>): string[] {
  const found = new Set<number>()
  for (const text of texts) {
    if (!text) continue
    const words = wordsOf(text)
    words.forEach((word, i) => {
      for (const keyword of matcher.byFirstWord.get(word) ?? []) {
        if (found.has(keyword.topic)) continue
        if (keyword.words.every((w, k) => words[i + k] === w)) found.add(keyword.topic)
      }
    })
  }
  return matcher.topics.filter((_, index) => found.has(index))
}

export default function topics() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const matcher = matcherFor(file.data.config)
    for (const item of file.data.classified ?? []) item.topics = topicsOf(matcher, item.text, item.label, item.section)
  }
}
