/** Types of scripts/event-classes.js (plain JS: the framework bindings run it in Node as is). */
export function eventClasses(manifest: {
  modules: {
    declarations?: {
      kind: string;
      name: string;
      members?: { name: string; static?: boolean; default?: string; type?: { text: string } }[];
    }[];
  }[];
}): Map<string, string>;
