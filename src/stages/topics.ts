/**
 * Stage: topics (SPEC §9). Tags each commitment with the topics whose
 * keywords occur in its text, label or section heading; the keyword map is
 * data (`lexicon/topics.json`) that the config can extend.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import bundled from '../lexicon/topics.json' with { type: 'json' }
import { perConfig } from '../config/per-config.js'
import { hasFatal } from './guard.js'

export type TopicMatcher = Array<{ topic: string; pattern: RegExp }>

/** Matchers are compiled once per config object, not once per file. */
const matcherFor = perConfig((config) => compileTopics(config?.topics))

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Compile the keyword map into one word-bounded pattern per topic. */
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
  return [...map].map(([topic, keywords]) => ({
    topic,
    // Longest first, so "artificial intelligence" wins over "intelligence".
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...keywords].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu')
  }))
}

/** The topics of one text, in the map's order. */
export function topicsOf(matcher: TopicMatcher, ...texts: Array<string | null | undefined>): string[] {
  const haystack = texts.filter(Boolean).join(' \n ')
  return matcher.filter(({ pattern }) => pattern.test(haystack)).map(({ topic }) => topic)
}

export default function topics() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const matcher = matcherFor(file.data.config)
    for (const item of file.data.classified ?? []) item.topics = topicsOf(matcher, item.text, item.label, item.section)
  }
}
