/** MDX docs pages compile to React components (the docs template of preview.ts). */
declare module '*.mdx' {
  const MDXContent: (props: Record<string, unknown>) => unknown;
  export default MDXContent;
}
