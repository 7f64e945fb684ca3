// CSL styles for MLA (9th edition) and Chicago (17th, notes and bibliography) entries of news articles,
// rendered by citeproc-js through citation-js. citation-js ships only APA (with Vancouver and Harvard) and
// the registry here carries the official CSL styles only inside a bundler-only package, so these two are
// short styles of Dossier's own that cover the one item type it writes (article-newspaper), with the
// other types falling back to the same pattern. Names, dates, punctuation and quotes are citeproc's work.

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
