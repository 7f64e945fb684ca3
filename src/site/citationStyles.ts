// CSL styles for MLA (9th edition) and Chicago (17th, notes and bibliography) entries of news articles,
// rendered by citeproc-js through citation-js. citation-js ships only APA (with Vancouver and Harvard) and
// the registry here carries the official CSL styles only inside a bundler-only package, so these two are
// short styles of Dossier's own that cover the one item type it writes (article-newspaper), with the
// other types falling back to the same pattern. Names, dates, punctuation and quotes are citeproc's work.
// styleForItems cuts any of the three styles to what Dossier's items can reach before an engine is built.
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

/** A cs:if or cs:else-if as far as it can be told before any item (CSL's match: all, the default, any or none; citeproc-js's nand is left to the item). */
function conditionValue(branch: CSL.StyleNode): boolean | undefined {
  if (branch.name === 'else') return true;
  const tests = conditionTests(branch);
  const match = branch.attrs.match ?? 'all';
  const anyTrue = tests.includes(true);
  const allFalse = tests.every((test) => test === false);
  if (match === 'any') return anyTrue ? true : allFalse ? false : undefined;
  if (match === 'none') return anyTrue ? false : allFalse ? true : undefined;
  if (match !== 'all') return undefined;
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
    const kept = typeof child === 'string' ? child : nodeForItems(child, node.name === 'substitute' || (inSubstitute && node.name !== 'names' && node.name !== 'group'));
    if (kept !== null) children.push(kept);
  }
  return node.name === 'choose' ? chooseForItems({ ...node, children }) : { ...node, children };
}

/**
 * The style with what no Dossier item can reach taken out: branches of cs:choose for other item types or on
 * variables an item never holds, the substitutes that name only such variables (citation-js's APA tries 16
 * creator roles before an item's title), and groups that no item fills (withoutSuppressedGroups). citeproc-js
 * works through each of them for every item, even to render nothing: about a third of APA's cost (its size is
 * not: a copy cut to news articles alone was no faster). The references are the same, byte for byte
 * (test/site/citationStyles.test.ts).
 */
export function styleForItems(xml: string): CSL.StyleNode {
  const style = nodeForItems(CSL.parseXml(xml), false)!;
  const macros = new Map(style.children.flatMap((child) => (typeof child !== 'string' && child.name === 'macro' ? [[child.attrs.name!, child] as const] : [])));
  return withoutSuppressedGroups(style, macros);
}

/** What citeproc-js's group bookkeeping holds after an element: whether it tried a variable, rendered one, or printed a term. */
interface GroupFlags {
  attempt: boolean;
  success: boolean;
  term: boolean;
}
/** The attributes of a group or a macro call that only format what it renders: nothing, when it is suppressed. */
const FORMATTING = new Set(['delimiter', 'prefix', 'suffix', 'font-style', 'font-weight', 'font-variant', 'text-decoration', 'vertical-align', 'display', 'text-case', 'quotes', 'strip-periods', 'macro']);
const isEmptyVariable = (variable: string | undefined): boolean =>
  variable !== undefined && variable.split(/\s+/).every((word) => word !== '' && !POSSIBLE_VARIABLES.has(word));

/**
 * The flags a group (or a macro call: citeproc-js runs a macro as a group) leaves for every item, following
 * citeproc-js (CSL.Node.group): a variable that is empty marks an attempt, a term marks output, and a nested
 * group that renders nothing hands up its attempt in place of the parent's. Undefined when they depend on the item.
 */
function flagsOf(children: ReadonlyArray<CSL.StyleNode | string>, macros: ReadonlyMap<string, CSL.StyleNode>, start: GroupFlags): GroupFlags | undefined {
  let flags: GroupFlags | undefined = { ...start };
  for (const child of children) {
    if (typeof child === 'string' || flags === undefined) continue;
    flags = childFlags(child, macros, flags);
  }
  return flags;
}

function childFlags(node: CSL.StyleNode, macros: ReadonlyMap<string, CSL.StyleNode>, flags: GroupFlags): GroupFlags | undefined {
  const { name, attrs } = node;
  const only = (allowed: string[]): boolean => Object.keys(attrs).every((attribute) => allowed.includes(attribute) || FORMATTING.has(attribute));
  if ((name === 'text' || name === 'number') && attrs.variable !== undefined && attrs.macro === undefined) {
    return isEmptyVariable(attrs.variable) && only(['variable', 'form']) ? { ...flags, attempt: true } : undefined;
  }
  if (name === 'text' && (attrs.term !== undefined || attrs.value !== undefined) && attrs.macro === undefined) return only(['term', 'value', 'form', 'plural']) ? { ...flags, term: true } : undefined;
  if (name === 'date') return isEmptyVariable(attrs.variable) ? { ...flags, attempt: true } : undefined;
  if (name === 'names') {
    const plain = node.children.every((child) => typeof child === 'string' || child.name !== 'substitute');
    return plain && isEmptyVariable(attrs.variable) ? { ...flags, attempt: true } : undefined;
  }
  if (name === 'group' || (name === 'text' && attrs.macro !== undefined)) {
    if (!only([])) return undefined;
    const body = name === 'group' ? node.children : macros.get(attrs.macro!)?.children;
    const inner = body && flagsOf(body, macros, { attempt: false, success: false, term: false });
    if (inner === undefined) return undefined;
    if (inner.success || (inner.term && !inner.attempt)) return { ...flags, success: true };
    return { ...flags, attempt: inner.attempt };
  }
  if (name === 'choose') {
    // Each branch could be the one taken, or none: the same flags whichever, or they depend on the item.
    const outcomes: Array<GroupFlags | undefined> = [];
    let certain = false;
    for (const branch of node.children as CSL.StyleNode[]) {
      const value = conditionValue(branch);
      if (value === false) continue;
      outcomes.push(flagsOf(branch.children, macros, flags));
      certain = value === true;
      if (certain) break;
    }
    if (!certain) outcomes.push(flags);
    const [first] = outcomes;
    return first !== undefined && outcomes.every((o) => o !== undefined && o.attempt === first.attempt && o.success === first.success && o.term === first.term) ? first : undefined;
  }
  return undefined;
}

/** The first element of a suppressed group or macro that tries a variable (all of which are empty), a text one if there is one. */
function emptyVariableElement(node: CSL.StyleNode, macros: ReadonlyMap<string, CSL.StyleNode>, seen = new Set<string>()): CSL.StyleNode | undefined {
  const tries = (n: CSL.StyleNode): boolean => ['text', 'number', 'date', 'names'].includes(n.name) && n.attrs.variable !== undefined;
  const found: CSL.StyleNode[] = [];
  const visit = (n: CSL.StyleNode): void => {
    if (tries(n)) found.push(n);
    const macro = n.name === 'text' && n.attrs.macro !== undefined && !seen.has(n.attrs.macro) ? macros.get(n.attrs.macro) : undefined;
    if (macro) seen.add(n.attrs.macro!);
    for (const child of (macro ?? n).children) if (typeof child !== 'string') visit(child);
  };
  visit(node);
  return found.find((n) => n.name === 'text') ?? found[0];
}

/**
 * Groups and macro calls that citeproc-js suppresses for every item (each variable they try is one no item
 * holds) stood in for by one of those empty variables: the enclosing group sees the same try and nothing
 * rendered, without citeproc-js working through the group's terms, conditions and nested groups per item.
 * Not inside a substitute: there citeproc-js takes a group that renders nothing as its choice all the same,
 * and the stand-in would not be taken.
 */
function withoutSuppressedGroups(node: CSL.StyleNode, macros: ReadonlyMap<string, CSL.StyleNode>, inSubstitute = false): CSL.StyleNode {
  const children = node.children.map((child) => {
    if (typeof child === 'string') return child;
    if (inSubstitute || child.name === 'substitute') return withoutSuppressedGroups(child, macros, true);
    const isGroup = child.name === 'group' || (child.name === 'text' && child.attrs.macro !== undefined);
    const flags = isGroup ? childFlags(child, macros, { attempt: false, success: false, term: false }) : undefined;
    const empty = flags?.attempt && !flags.success ? emptyVariableElement(child, macros) : undefined;
    if (empty === undefined) return withoutSuppressedGroups(child, macros);
    // Still a group, with the same affixes, so citeproc-js opens and closes it (and restores what its terms changed) as before.
    const { macro: _, ...formatting } = child.attrs;
    return { name: 'group', attrs: formatting, children: [empty] };
  });
  return { ...node, children };
}
