// Every word list the entity rules use, named by concept. General English news vocabulary, never names
// from particular articles.

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/u));

/** Titles and roles written before a person's name ('Deputy Foreign Minister', 'U.S. special representative'). */
export const TITLE_WORDS = words(`
  president presidents vice prime minister ministers deputy foreign interior defence defense finance
  secretary secretaries state special representative representatives envoy adviser advisor advisers
  ambassador director chief spokesman spokeswoman spokesperson leader leaders senator sen governor gov
  general gen admiral colonel col commander chairman chairwoman chair mayor king queen prince princess
  pope judge justice attorney mr mrs ms dr sir lord lady rep congressman congresswoman premier chancellor
  counterpart official officials analyst diplomat delegate head executive ceo founder professor prof
  correspondent reporter editor`);

/** Lower-case nouns that, right before a name, say it is a person ('adviser Juan González'). */
export const ROLE_NOUNS = words(`
  president minister secretary adviser advisor analyst ambassador envoy leader representative spokesman
  spokeswoman spokesperson director chief official diplomat general senator governor mayor figure
  politician journalist economist professor lawyer activist candidate counterpart chairman colleague
  commander opponent rival successor predecessor deputy lawmaker legislator reporter editor writer`);

/** A word in a name that makes it an organisation ('National Assembly', 'Foreign Ministry'). */
export const ORG_WORDS = words(`
  ministry ministries department agency assembly union nations party council committee commission
  congress parliament senate house times post journal news press tribune guardian herald gazette telegraph
  bank fund company corporation corp inc ltd group institute university college school court office
  service services army navy forces force police guard berets administration government organization
  organisation association federation foundation alliance coalition front movement league network
  bureau authority board affairs`);

/** Lower-case nouns that, right after a name, say it is an organisation ('TASS news agency'). */
export const ORG_NOUNS_AFTER = words(`agency newspaper company party bank broadcaster channel network outlet daily`);

/** Words that begin place names ('North Korea', 'Latin America'). */
export const PLACE_PREFIXES = words(`north south east west northern southern eastern western new latin central united saudi costa el
  san santa st sri hong`);

/** Prepositions after which a lone capitalised word is most often a place ('in Rome', 'to Colombia'). */
export const PLACE_PREPOSITIONS = words(`in to from at near across into toward towards throughout around outside inside via`);

/** Short forms of country names, by their folded spelling (a Map: a name such as 'Constructor' is no key of it, and a look-up by a new string costs less). */
export const COUNTRY_SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['us', 'United States'],
  ['usa', 'United States'],
  ['united states of america', 'United States'],
  ['uk', 'United Kingdom'],
  ['uae', 'United Arab Emirates'],
  ['ussr', 'Soviet Union'],
  ['prc', 'China'],
  ['drc', 'Democratic Republic of the Congo'],
]);

/** Lower-case words that may stand inside a name between capitalised words ('Party of Venezuela', 'Bashar al Assad'). */
export const NAME_CONNECTORS = words(`of for de del della da di dos das du la le van von der den bin al el y`);

/** Verbs of saying, in the forms that attribute a quote or mark a speaker. */
export const SPEECH_VERBS = words(`
  said says say told tells added adds asserted asserts stated states warned warns insisted insists noted notes
  argued argues explained explains declared declares claimed claims replied replies wrote writes recalled
  continued continues concluded concludes urged urges stressed stresses acknowledged acknowledges
  maintained maintains announced announces commented comments remarked remarks quipped reiterated reiterates
  condemned condemns`);

/** Capitalised words that start sentences, name times or are common nouns, never entities alone. */
export const NOT_NAMES = words(`
  a about after against all also although an and another any are as at because before being both but by can
  could did do does during each either even every for from had has have he her here his how however i if in
  into is it its just last later many may meanwhile more most much my neither no nor not now of on once one only
  or other our over per since so some still such than that the their them then there these they this those
  though through thus to too under until up upon us was we were what when where whether which while who whom
  whose why will with within without would yet you your she him despite nonetheless instead regarding
  according among amid unlike like following given further furthermore moreover indeed yes
  january february march april june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
  photo photos image video read share comment comments reply related news hours millions thousands
  earlier later several high officials sources`);
