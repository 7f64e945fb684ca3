// CSL styles for MLA (9th edition) and Chicago (17th, notes and bibliography) entries of news articles,
// rendered by citeproc-js through citation-js. citation-js ships only APA (with Vancouver and Harvard) and
// the registry here carries the official CSL styles only inside a bundler-only package, so these two are
// short styles of Dossier's own that cover the one item type it writes (article-newspaper), with the
// other types falling back to the same pattern. Names, dates, punctuation and quotes are citeproc's work.
import CSL from 'citeproc';
import type { CslItem } from '../types.ts';

/** MLA 9: Roe, Jane. "Title." *Outlet*, 20 Mar. 2019, URL. Undated: the date is left out. */
export const MLA_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>MLA 9th edition, news articles (Dossier)</title>
    <id>dossier-mla</id>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="month-06" form="short">June</term>
      <term name="month-07" form="short">July</term>
      <term name="month-09" form="short">Sept.</term>
    </terms>
  </locale>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" and="text" delimiter=", " delimiter-precedes-last="always" et-al-min="3" et-al-use-first="1"/>
    </names>
  </macro>
  <macro name="issued">
    <date variable="issued" delimiter=" ">
      <date-part name="day"/>
      <date-part name="month" form="short" strip-periods="false"/>
      <date-part name="year"/>
    </date>
  </macro>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short" and="text"/><substitute><text variable="title" quotes="true"/></substitute></names>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true">
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text variable="title" quotes="true" text-case="title"/>
        <group delimiter=", ">
          <text variable="container-title" font-style="italic" text-case="title"/>
          <text macro="issued"/>
          <text variable="URL"/>
        </group>
      </group>
    </layout>
  </bibliography>
</style>`;

/** Chicago 17 bibliography entry: Roe, Jane. "Title." *Outlet*, March 20, 2019. URL. Undated: n.d. */
export const CHICAGO_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info>
    <title>Chicago 17th edition, notes and bibliography, news articles (Dossier)</title>
    <id>dossier-chicago</id>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" and="text" delimiter=", " delimiter-precedes-last="always" et-al-min="11" et-al-use-first="7"/>
    </names>
  </macro>
  <macro name="issued">
    <choose>
      <if variable="issued">
        <date variable="issued">
          <date-part name="month" suffix=" "/>
          <date-part name="day" suffix=", "/>
          <date-part name="year"/>
        </date>
      </if>
      <else>
        <text term="no date" form="short"/>
      </else>
    </choose>
  </macro>
  <citation>
    <layout suffix="." delimiter="; ">
      <group delimiter=", ">
        <names variable="author"><name and="text"/></names>
        <text variable="title" quotes="true" text-case="title"/>
      </group>
    </layout>
  </citation>
  <bibliography hanging-indent="true">
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text variable="title" quotes="true" text-case="title"/>
        <group delimiter=", ">
          <text variable="container-title" font-style="italic" text-case="title"/>
          <text macro="issued"/>
        </group>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>`;

/**
 * Every variable a Dossier item can hold when citeproc-js formats it: CslItem's fields (the `satisfies` keeps
 * this list in step with the type), what citeproc-js derives from them (short forms, the language's name) and
 * what it sets per cite. Any other variable a style tests or names is certainly empty.
 */
const ITEM_FIELDS = {
  id: true,
  type: true,
  'citation-key': true,
  title: true,
  'container-title': true,
  author: true,
  issued: true,
  accessed: true,
  URL: true,
  language: true,
  section: true,
} as const satisfies Record<keyof CslItem, true>;
const POSSIBLE_VARIABLES: ReadonlySet<string> = new Set([
  ...Object.keys(ITEM_FIELDS),
  'title-short',
  'container-title-short',
  'language-name',
  'language-name-original',
  'year-suffix',
  'locator',
  'locator-extra',
  'citation-number',
  'citation-label',
  'first-reference-note-number',
]);
/** The one item type Dossier writes. */
const ITEM_TYPE: CslItem['type'] = 'article-newspaper';

/** A condition's tests that can be told before any item is seen: true, false, or undefined for "depends on the item". */
function conditionTests({ attrs }: CSL.StyleNode): Array<boolean | undefined> {
  const tests: Array<boolean | undefined> = [];
  for (const [attribute, value] of Object.entries(attrs)) {
    if (attribute === 'match') continue;
    for (const word of value.split(/\s+/).filter(Boolean)) {
      if (attribute === 'type') tests.push(word === ITEM_TYPE);
      // An empty variable is neither present, nor a number, nor an uncertain date (citeproc-js tests presence first).
      else if (['variable', 'is-numeric', 'is-uncertain-date'].includes(attribute) && !POSSIBLE_VARIABLES.has(word)) tests.push(false);
      else tests.push(undefined);
    }
  }
  return tests;
}

/** A cs:if or cs:else-if as far as it can be told before any item (CSL's match: all, the default, any or none). */
function conditionValue(branch: CSL.StyleNode): boolean | undefined {
  if (branch.name === 'else') return true;
  const tests = conditionTests(branch);
  const match = branch.attrs.match ?? 'all';
  const anyTrue = tests.includes(true);
  const allFalse = tests.every((test) => test === false);
  if (match === 'any') return anyTrue ? true : allFalse ? false : undefined;
  if (match === 'none') return anyTrue ? false : allFalse ? true : undefined;
  return tests.includes(false) ? false : tests.every((test) => test === true) ? true : undefined;
}

/** A cs:choose with the branches no item can take left out, and a branch every item takes made the only one. */
function chooseForItems(choose: CSL.StyleNode): CSL.StyleNode | null {
  const branches: CSL.StyleNode[] = [];
  for (const branch of choose.children as CSL.StyleNode[]) {
    const value = conditionValue(branch);
    if (value === false) continue;
    if (value === true) {
      // Taken by every item that gets this far: as the first branch, a test every item passes (citeproc-js
      // needs a cs:if first); after undecided ones, the cs:else.
      branches.push(branches.length === 0 ? { ...branch, name: 'if', attrs: { type: ITEM_TYPE } } : { ...branch, name: 'else', attrs: {} });
      break;
    }
    branches.push(branches.length === 0 && branch.name === 'else-if' ? { ...branch, name: 'if' } : branch);
  }
  return branches.length === 0 ? null : { ...choose, children: branches };
}

function nodeForItems(node: CSL.StyleNode, inSubstitute: boolean): CSL.StyleNode | null {
  if (node.name === 'names' && inSubstitute) {
    const variables = (node.attrs.variable ?? '').split(/\s+/).filter((variable) => POSSIBLE_VARIABLES.has(variable));
    // A substitute renders its first child that gives anything: one that names only empty variables never does.
    if (variables.length === 0) return null;
    node = { ...node, attrs: { ...node.attrs, variable: variables.join(' ') } };
  }
  const children: Array<CSL.StyleNode | string> = [];
  for (const child of node.children) {
    const kept = typeof child === 'string' ? child : nodeForItems(child, node.name === 'substitute' || (inSubstitute && node.name !== 'names'));
    if (kept !== null) children.push(kept);
  }
  return node.name === 'choose' ? chooseForItems({ ...node, children }) : { ...node, children };
}

/**
 * The style with what no Dossier item can reach taken out: branches of cs:choose for other item types or on
 * variables an item never holds, and the substitutes that name only such variables (citation-js's APA tries 16
 * creator roles before an item's title). citeproc-js evaluates each of them for every item, even to render
 * nothing: about a quarter of APA's cost. The references are the same, byte for byte (test/site/citationStyles.test.ts).
 */
export function styleForItems(xml: string): CSL.StyleNode {
  return nodeForItems(CSL.parseXml(xml), false)!;
}
