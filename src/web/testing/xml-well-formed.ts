// Well-formedness by libxml2 (xmllint-wasm), which rejects what lenient parsers let
// through: characters XML forbids, bare attributes, a stray "]]>". Many documents are
// checked in one call, since each call starts the wasm module afresh.
import { validateXML } from 'xmllint-wasm';

/** libxml2's complaints about the documents, empty when all are well-formed XML. */
export async function xmlErrors(docs: readonly string[]): Promise<string[]> {
  if (docs.length === 0) return [];
  const result = await validateXML({ xml: docs.map((contents, i) => ({ fileName: `doc-${i}.xml`, contents })), normalization: 'format' });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
