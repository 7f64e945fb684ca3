// The baseline for `npm run bench`: the plainest Eleventy 3 site a competent developer would write for
// a folder of article texts (one page per article, one index page), indexed afterwards with the
// Pagefind CLI. Run with BASELINE_CORPUS=<folder of .txt files>.
import markdownIt from 'markdown-it';

export default function (eleventyConfig) {
  const md = markdownIt();
  eleventyConfig.addFilter('markdown', (text) => md.render(text));
}

export const config = {
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
