// Every heuristic pattern of the extractor, named by the concept it recognises
// (as Readability's REGEXPS and trafilatura's xpaths.py do). No site, title or date tables.

// ---------------------------------------------------------------------------
// Dates

export const MONTH_NAME =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
const WEEKDAY_NAME = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?\\.?';

/**
 * The end of a year: no further digit, though converters glue the next item to it
 * ("Nov 15, 20195:45 AM", "Nov. 20, 2019Updated: …").
 */
const YEAR_END = '(?:(?!\\d)|(?=\\d{1,2}:\\d{2}))';
/** "March 20, 2019", "Nov. 18, 2019", "March 20 2019". */
export const DATE_MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_NAME})\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})${YEAR_END}`, 'i');
/** "14 May 2019", "12 Feb, 2019", "3rd of March 2020". */
export const DATE_DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_NAME})\\.?,?\\s+(\\d{4})${YEAR_END}`, 'i');
/** "2019-03-20" (also the date part of an ISO timestamp). */
export const DATE_ISO = /\b(\d{4})-(\d{2})-(\d{2})(?![\d-])/;
/** "11/18/2019" (month first, as US outlets print it; day first when the first number cannot be a month). */
export const DATE_NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;
/** "11/13/19" (month first, two-digit year), as US outlets print it in bylines. */
export const DATE_NUMERIC_SHORT_YEAR = /\b(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/])/;
/** "March 2019": month precision. */
export const DATE_MONTH_YEAR = new RegExp(`\\b(${MONTH_NAME})\\.?,?\\s+(\\d{4})\\b`, 'i');
/** A date inside a URL path: /2019/03/20/ or /2019/03/. */
export const DATE_IN_URL_PATH = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(?:(0?[1-9]|[12]\d|3[01])\/)?/;

export const WEEKDAY = new RegExp(`\\b${WEEKDAY_NAME}`, 'i');
/** Words that label a date line; `updated` dates rank below publication dates. */
export const DATE_LABEL_PUBLISHED = /\b(?:published|posted|first published|date|released|issued)\b/i;
export const DATE_LABEL_UPDATED = /\b(?:updated|modified|last updated|edited)\b/i;
/** "5 hours ago", "yesterday": relative times say nothing reliable about the date. */
export const RELATIVE_TIME = /\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|\byesterday\b/i;
/** Leftovers that may surround a date on a date line: times, time zones, reading time, labels. */
export const DATE_LINE_NOISE =
  /\b(?:published|posted|first published|updated|last updated|modified|date|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|bst|cet|est|edt|pst|pdt|et|pt|min|mins|minute|minutes|read|reading|time)\b|\d{1,2}:\d{2}(?::\d{2})?|[|,.·•:–—\-/()]/gi;

// ---------------------------------------------------------------------------
// Bylines, authors and outlets

/** "By Jane Doe", "**By** [Reuters](#)", "BY JANE DOE". */
export const BYLINE_PREFIX = /^(?:[*_]{1,2})?(?:(?:written|posted|reported)\s+)?by(?:[*_]{1,2})?(?:\s*[:\s]\s*|$)/i;
/** A byline that is only the word "By" (the names follow on the next line). */
export const BYLINE_ALONE = /^(?:[*_]{1,2})?by(?:[*_]{1,2})?:?$/i;
/** Particles written in lower case inside a person's name ("Ludwig van Beethoven", "Ana de la Cruz"). */
export const NAME_PARTICLE = /^(?:van|von|de|del|della|der|den|da|das|dos|du|la|le|di|bin|al|el|ter|ten|y)$/;
/** A word of a person's name: capitalised ("Ana", "O'Neil", "Jean-Luc", "LaMotte") or an initial ("Y."). */
export const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)$/u;
/** Academic and professional letters after a name ("MS", "RD", "PhD", "MD"), and acronyms of outlets. */
export const NAME_SUFFIX_LETTERS = /^(?:\p{Lu}{1,4}|Ph\.?D|M\.?D|Jr|Sr|II|III)\.?$/u;
/** Separators between names in a byline. */
export const AUTHOR_SEPARATOR = /\s*(?:,|\band\b|&|;)\s*/i;
/** Byline parts that are job titles or roles, not names. */
export const AUTHOR_ROLE_WORDS =
  /\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|senior|associate|producer|analyst|published|updated)\b/i;
/**
 * Words that make a name an outlet rather than a person ("Havana Times", "Sharecast News").
 * A general naming convention of news outlets, not a list of outlets.
 */
export const OUTLET_NAME_WORDS =
  /\b(?:times|news|post|ledger|sentinel|examiner|inquirer|enquirer|register|globe|herald|tribune|journal|press|daily|gazette|telegraph|chronicle|agency|wire|media|magazine|mag|review|reporter|observer|standard|guardian|mail|express|star|sun|courier|dispatch|bulletin|insider|today|weekly|monthly|network|tv|radio|broadcasting|online|\.com)\b/i;
/** Short function words that are written in lower case inside a title-cased name. */
export const TITLE_CASE_MINOR_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
/** Words the segmentation of a host name may produce and still read as a real name. */
export const HOST_SEGMENT_SHORT_WORDS = new Set(['the', 'of', 'and', 'in', 'on', 'at', 'to', 'by', 'a', 'it', 'my', 'tv', 'uk', 'us']);

// ---------------------------------------------------------------------------
// Lead-ins and datelines at the start of the first paragraph

/** A dash that ends a lead-in: "WASHINGTON — ", "HAVANA TIMES – ", "Mexico City, March 7, 2022 ( – ". */
const LEAD_IN_DASH = '\\s*(?:\\([^)–—-]{0,40}\\)?\\s*)?[–—-]{1,2}\\s+';
/** "HAVANA TIMES – …": an ALL-CAPS lead-in (outlet or place) before a dash. */
export const LEAD_IN_ALL_CAPS = new RegExp(`^([A-Z][A-Z .,'&]{1,60}?[A-Z.])${LEAD_IN_DASH}(?=\\S)`);
/** "Mexico City, Mexico, March 7, 2022 ( – …": place names, then an optional date, then a dash. */
export const LEAD_IN_PLACE = new RegExp(
  `^((?:[A-Z][\\p{L}.'-]*(?:\\s+(?:[A-Z][\\p{L}.'-]*|de|del|da|do|of|la|el))*)(?:,\\s*[A-Z][\\p{L}.'-]*(?:\\s+[A-Z][\\p{L}.'-]*)*)*)(?:,\\s*((?:${MONTH_NAME})\\.?\\s+\\d{1,2}${ORDINAL},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_NAME}\\.?,?\\s+\\d{4}))?${LEAD_IN_DASH}(?=\\S)`,
  'u',
);
/** An agency in parentheses inside a dateline: "WASHINGTON (Reuters) —". */
export const LEAD_IN_AGENCY = /\(([^)]{2,40})\)/;

// ---------------------------------------------------------------------------
// Captions and credits

/** "… | Photo: EFE", "… Photo: Reuters", "(Photo: AP)", "Photo:" with the credit lost. Group 1: the credit. */
export const CAPTION_PHOTO_CREDIT =
  /(?:^|\s*\|\s*|\s+)\(?(?:photo|photograph|image|picture|pic|credit|source|video|illustration|graphic|foto)s?(?:\s+credit)?\s*:\s*([^|:]{0,80}?)\)?\s*$/i;
/**
 * A word that CAPTION_PHOTO_CREDIT and CAPTION_PHOTO_BY both need ("photo", "pic" of picture, …): most
 * paragraphs have none, and this test is much cheaper than theirs, which is tried after every space.
 */
export const CAPTION_KEYWORD = /photo|pic|credit|source|video|illustration|graphic|foto|image/i;
/** "Photo by Jane Roe", "(Photo by Jane Roe/AFP via Getty Images)". Group 1: the credit. */
export const CAPTION_PHOTO_BY =
  /(?:^|\s*\|\s*|(?<=[.!?)"”’])\s+)\(?(?:photo|photograph|image|picture|illustration)s?\s+(?:by|courtesy(?:\s+of)?)\s+([^|]{2,80}?)\)?\s*$/i;
/** "Carlos Jasso / Reuters", "AP Photo/Evan Vucci", "Getty Images": a photographer and an agency. */
export const CREDIT_AGENCY_SLASH = /^[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,4}\s*\/\s*[\p{Lu}][\p{L}.'& -]*$/u;
export const CREDIT_AGENCY_WORDS = /\b(?:getty images|shutterstock|afp|ap photo|reuters|epa|efe|xinhua|alamy|istock|pool)\b/i;
/** A bold-only line ("**Carlos Jasso / Reuters**"): captions and credits are printed so. */
export const BOLD_ONLY_LINE = /^\*\*([^*]+)\*\*$|^__([^_]+)__$/;
/** "Edited by …", "Additional reporting by …": a production credit at the end of the article. */
export const PRODUCTION_CREDIT =
  /^(?:edited|translated|compiled|written|reporting|additional reporting|writing|editing|produced|research)(?:\s+and\s+\w+)?\s+by\s+/i;

// ---------------------------------------------------------------------------
// Chrome: navigation, share bars, comment forms

/** A line that is a list bullet ("• Live", "- Home", "* Menu"). */
export const BULLET = /^\s*(?:[•·▪◦‣∙*+-]|\d{1,2}[.)])\s+/;
/** "News > U.S.", "Home / World / Europe": a breadcrumb trail. */
export const BREADCRUMB = /^(?:[\p{Lu}\d][\p{L}\d.&' -]{0,30})(?:\s*(?:>|»|›|→)\s*[\p{Lu}\d][\p{L}\d.&' -]{0,30}){1,5}$/u;
export const BREADCRUMB_SEPARATOR = /\s*(?:>|»|›|→)\s*/;
/** Lines that invite the reader to share, follow, subscribe or comment. */
export const SHARE_CHROME =
  /^(?:please\s+)?(?:share|follow|like|tweet|email|print|subscribe|sign up|download|join|save|copy link|comment)(?:\b.{0,60})?$|\b(?:share (?:this|on|via)|follow us|like us|subscribe to|sign up for|newsletter|share, follow)\b/i;
/** Names of social networks and share targets, alone on a line. */
export const SOCIAL_NETWORK_ONLY =
  /^(?:facebook|twitter|x|google\s*\+|google plus|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|flipboard|email|e-mail|print|sms|messenger|copy link|share|tweet|pin it|mail)$/i;
/** A reader-comment form or notice. */
export const COMMENT_FORM =
  /^(?:leave a (?:reply|comment)|post a comment|add a comment|your email address will not be published\.?|required fields are marked.*|cancel reply|post with no comments\.?|no comments(?: yet)?\.?|comments? (?:are )?closed\.?|\d+\s+comments?|comments?|view comments|show comments|join the (?:conversation|discussion))$/i;
/** "One thought on “Title”", "12 Comments on …", "3 responses to …": the heading of the reader comments. */
export const COMMENTS_HEADING =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:thoughts?|comments?|responses?|replies|reactions?)\s+(?:on|to)\b|^(?:reader\s+)?comments?\s*\(\d+\)$/i;
/**
 * Section headings of lists of other articles ("Last news", "Most read", "Related stories",
 * "More Business News", "You may also be interested in…", "Don't miss").
 */
export const OTHER_ARTICLES_HEADING =
  /^(?:#+\s*)?(?:\*\*)?(?:last|latest|more|most|top|recent|related|recommended|popular|trending|editor'?s?)\s+(?:news|stories|articles|posts|reads?|popular|read|viewed|shared|videos?|from|in|on|picks|coverage|headlines)\b.{0,40}$|^(?:#+\s*)?(?:\*\*)?(?:more|latest|top|other)\s+(?:[\p{L}&'-]+\s+){1,2}(?:news|stories|articles|headlines|videos)(?:\*\*)?:?$|^(?:#+\s*)?(?:\*\*)?(?:you (?:may|might) also (?:like|enjoy|be interested in)|read (?:more|next|also)|see also|also read|related|more|recommended|trending(?: now)?|editors'? picks)(?:\*\*)?(?::|\.{3}|…)?$/iu;
/** "Don't miss", "Must read": the label of a teaser (one link to another article) inside the article. */
export const TEASER_LABEL = /^(?:[*_]{0,2})(?:don'?t miss|must read|read this next|editor'?s pick|top story)(?:[*_]{0,2}):?(?:[*_]{0,2})$/i;
/** "Advertisement", "Sponsored content": an advert's label, anywhere in the page. */
export const ADVERT_LABEL = /^(?:advertisement|advertising|sponsored(?: content| links?)?|ad|promoted|story continues below(?: advertisement)?|continue reading (?:the main story|below))$/i;
/** "Related article: [Title](#)", "Read more: Title", "On Ledger.com: Title": an inline link to another article. */
export const RELATED_LINK_LABEL =
  /^(?:[*_]{0,2})(?:related(?: articles?| stories| coverage| content)?|read (?:more|also|next)|see also|also read|more on this|recommended|on [\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|news)(?=[*_:]))\s*:?\s*(?:[*_]{0,2})\s*:?\s*(.+)$/i;
/**
 * The controls and counters of a photo gallery: "Image 1 of 9", "1 / 9", "Back to Gallery", "Caption",
 * "Close", "Previous", "Next", "View gallery".
 */
export const GALLERY_CONTROL =
  /^(?:(?:image|photo|picture|slide)\s+)?\d{1,3}\s*(?:of|\/)\s*(?:\/\s*)?\d{1,3}$|^(?:back to gallery|view (?:the )?(?:full )?gallery|(?:open|launch|expand|enlarge|close) (?:the )?(?:gallery|image|photo|this image)|caption|close|previous|next|prev|hide caption|show caption|expand|enlarge this image|\d+ photos?)$/i;
/** "1of4A shopper looks…", "2 of 9 Firefighters…": a gallery caption with its counter in front. Group 1: the caption. */
export const GALLERY_COUNTER_CAPTION = /^\d{1,3}\s*of\s*\d{1,3}\s*(\p{Lu}.*)$/u;
/**
 * A file name or URL slug standing alone ("milano-design-week-2018-pier-02", "10_things_you_need"): an image's
 * alt text or a link's target, never words of the article.
 */
export const FILE_NAME_ONLY = /^[\p{L}\d]+(?:[-_.][\p{L}\d()?!,'’]*){3,}$/u;
/** A line that is only an e-mail address or a social profile address: the author's contact details. */
export const CONTACT_ONLY = /^(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|^(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin)\.com\/[\w./-]+$/i;

/** `[text](target)`: a Markdown link. */
export const MARKDOWN_LINK = /\[([^\]]*)\]\(([^)]*)\)/g;
/** A line that is only one Markdown link, maybe bold. */
export const LINK_ONLY_LINE = /^(?:[*_]{0,2})\[([^\]]+)\]\([^)]*\)(?:[*_]{0,2})$/;

// ---------------------------------------------------------------------------
// Footer of a saved page

/** "Original url:" (the URL on the same line or the next). */
export const ORIGINAL_URL_LABEL = /^(?:original|source|canonical)\s+url\s*:\s*<?(\S*?)>?$/i;
/** An absolute http(s) URL, maybe in angle brackets. */
export const URL_ONLY_LINE = /^<?(https?:\/\/[^\s<>]+)>?$/i;
export const URL_ANYWHERE = /https?:\/\/[^\s<>()[\]"']+/gi;
/** A page title with the site's name after it: "Headline | Site", "Headline - Site". */
export const TITLE_SITE_SUFFIX = /^(.{8,}?)\s+(?:\||-|–|—|::|»)\s+([^|–—»]{2,40})$/;
/** Hosts of share buttons, ads and CDNs: links to them say nothing about the page's own site. */
export const NON_SITE_HOST =
  /(?:^|\.)(?:facebook|twitter|x|t|linkedin|pinterest|reddit|whatsapp|instagram|youtube|youtu|google|googleapis|gstatic|doubleclick|googlesyndication|amazon-adsystem|cloudfront|akamaihd|wp|wordpress|gravatar|addthis|sharethis|disqus|taboola|outbrain|apple|amazon|bit|tinyurl|flipboard|tumblr|mailto)\.[a-z.]+$/i;
/** "© 2019 Coastal Ledger. All rights reserved." Group 1: the owner. */
export const COPYRIGHT_LINE = /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*([\p{L}][\p{L}\d&.' -]{1,50}?)(?:\.|,|\s+all rights|\s*\||$)/iu;
/** An http(s) URL quoted inside another (a share link's `?u=https%3A%2F%2Fsite…`). Group 1: its host. */
export const INNER_URL_HOST = /(?<=.)https?(?::|%3A)(?:\/\/|%2F%2F)([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;
/** An e-mail address. Group 1: its host (an author's address names the outlet: "jane@ledger.example"). */
export const EMAIL_HOST = /\b[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b/gi;
/** Hosts of personal mail services: an address there says nothing about the outlet. */
export const WEBMAIL_HOST = /(?:^|\.)(?:gmail|googlemail|yahoo|hotmail|outlook|live|aol|icloud|me|mac|protonmail|proton|gmx|mail|yandex|zoho)\.[a-z.]+$/i;
/** A site's domain written in prose ("told Ledger.info", "ledger.co.uk features"). Group 1: the host. */
export const BARE_DOMAIN = /(?<![@/\w.-])((?:[a-z0-9-]+\.)+(?:com|co\.uk|info|net|org|news|in|ca|com\.au|ie))\b(?![/@-])/gi;
/**
 * The site naming itself in its own chrome: "Follow Ledger on Twitter", "Subscribe to Ledger on YouTube",
 * "Search Ledger", "Ledger homepage", "Follow Ledger online:". Group 1 (or 2): the name.
 */
const SITE_NAME = "(@?[\\p{Lu}\\d][\\p{L}\\d.&'-]*(?:\\s+(?:by|of|the|and|[\\p{Lu}\\d][\\p{L}\\d.&'-]*)){0,3})";
export const SITE_SELF_NAMING = new RegExp(
  `(?:^|[\\s\\[(])(?:[Ff]ollow|[Ss]ubscribe to|[Ll]ike)\\s+${SITE_NAME}(?:\\s+on\\s+(?:[Ff]acebook|[Tt]witter|YouTube|[Yy]ou[Tt]ube|[Ii]nstagram|LinkedIn|[Ll]inked[Ii]n|[Pp]interest|[Ff]lipboard)|\\s+online\\b|\\s*:?\\s*$)|^[Ss]earch\\s+${SITE_NAME}\\s*$|^${SITE_NAME}\\s+homepage\\b`,
  'u',
);
/** "Ledger » Feed", "Ledger » Comments Feed": the titles of a site's news feeds (WordPress and others) end so. */
export const SITE_FEED_TITLE_END = /\s*»\s+(?:Comments\s+)?Feed\b/;
/** "Site » Headline Comments Feed": the title of an article's comments feed. Group 1: the headline. */
export const COMMENTS_FEED_TITLE = /»\s+((?:(?!»).){8,}?)\s+Comments\s+Feed\b/g;
/** What follows " - " or " | " after a headline and is a kind of page, not a site ("Headline - Photo"). */
export const TITLE_SUFFIX_NOT_SITE =
  /^(?:photos?|pictures?|images?|videos?|gallery|slideshow|opinion|analysis|review|live|updates?|watch|podcast|audio|interactive|news|home|page \d+)$/i;
/** Words a host may add to a site's name ("ledgermag", "ledgeronline"): dropped from a name spelled from the host. */
export const HOST_PADDING_WORDS = /\s+(?:mag|online|web|hq|app|site)$/i;
/** Whether a text holds an http(s) URL (not global, so safe with .test). */
export const HAS_URL = /https?:\/\/\S/i;
/** 'http' anywhere: a first, quick test, since every URL expression here starts with it and most texts have none. */
export const HTTP = /http/i;
/** "[https://…]": a link target printed in brackets by text converters. */
export const BRACKETED_URL = /\[(?:https?:\/\/|\/)[^\]\s]*\]/g;

// ---------------------------------------------------------------------------
// Headlines and prose

/** `# Title` (ATX) or a Setext underline. */
export const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
export const SETEXT_UNDERLINE = /^(?:=+|-+)$/;
/** Closing quotes, brackets and emphasis that may follow the end of a sentence. */
const SENTENCE_CLOSERS = `"'”’)\\]*_`;
export const SENTENCE_CLOSER = new RegExp(`[${SENTENCE_CLOSERS}]`);
/** Punctuation that ends a sentence, maybe followed by a closing quote or bracket. */
export const SENTENCE_END = new RegExp(`[.!?…:;][${SENTENCE_CLOSERS}]*$|["”’]$`);
/** A line that ends a sentence with a full stop (headlines rarely do). */
export const ENDS_WITH_PERIOD = new RegExp(`\\.[${SENTENCE_CLOSERS}]*$`);
/** A lower-case letter (or a digit) that continues a broken sentence. */
export const STARTS_LOWER_CASE = /^[\p{Ll}]/u;
/** Words that mark a news lede rather than a summary dek: news time and attribution. */
export const LEDE_MARKERS =
  /\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|this (?:week|morning|afternoon|evening))\b|\b(?:said|says|told|according to|announced|reported)\b/i;
/** Markdown emphasis and stray markup to strip from metadata values. */
export const INLINE_MARKUP = /[*_`]{1,3}/g;
/** A run of three white spaces or more: where a line's own text ends and padding or chrome begins (classify.ts beforePadding). */
export const PADDING = /\s{3,}/;
