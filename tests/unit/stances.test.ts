import { describe, expect, it } from 'vitest';
import { extractStatements, isAlertable, type Statement } from '../../shared/stances/index.js';
import { LABOUR_DIR, loadStoryline, loadStorylineInfo, SEEDS_DIR } from '../../support/stances/storyline.js';
import { readSentences } from '../../shared/stances/sentences.js';

const seeds = loadStoryline(SEEDS_DIR);
/** The seed watch's topic vocabulary, as its config gives it. */
const synonyms = loadStorylineInfo(SEEDS_DIR).synonyms;
const seed = (date: string) => {
  const article = seeds.find((fixture) => fixture.publishedAt === date);
  if (!article) throw new Error(`no seed fixture published ${date}`);
  return extractStatements(article.paragraphs, { synonyms });
};
const containing = (statements: Statement[], words: string) => statements.filter((statement) => statement.text.includes(words));
/** Who said the statement whose claim holds `term`. */
const speakerOfClaim = (paragraphs: string[], term: string) => extractStatements(paragraphs).find((statement) => statement.claim.includes(term))?.speaker;
/** The speakers of the statements a one-sentence article holds, in order. */
const speakersOfSentence = (text: string) => extractStatements([text]).map((statement) => statement.speaker);
const only = (statements: Statement[]) => {
  expect(statements).toHaveLength(1);
  return statements[0];
};

describe('extractStatements on the seed storyline (Putin on a Russia–Japan peace treaty)', () => {
  it('reads the 2024 demand that Japan change its position on Ukraine as a condition by Vladimir Putin', () => {
    const statement = only(containing(seed('2024-06-06'), 'first needs to change its position'));
    expect(statement).toMatchObject({ speaker: 'Vladimir Putin', role: 'Russian President', kind: 'condition' });
    expect(statement.claim.split(' ')).toEqual(expect.arrayContaining(['change', 'japan', 'position', 'ukraine']));
  });

  it('reads "conditions are not currently in place … to resume talks" as a negative condition by Putin', () => {
    const statement = only(containing(seed('2024-06-06'), 'conditions are not currently in place'));
    expect(statement).toMatchObject({ speaker: 'Vladimir Putin', kind: 'condition', polarity: 'negative' });
    expect(statement.claim.split(' ')).toEqual(expect.arrayContaining(['not', 'resume', 'talks', 'treaty']));
  });

  it('attributes the 2017 passage on Japan’s commitments, a quote continued from the paragraph before, to Putin', () => {
    const statement = only(containing(seed('2017-11-10'), 'what commitments Japan has towards its partners'));
    expect(statement).toMatchObject({ speaker: 'Vladimir Putin', kind: 'condition' });
    expect(statement.text.startsWith('“Its not a secret')).toBe(true);
  });

  it('reads the 2017 opening on Tokyo’s security commitments to its allies as Putin’s, with the speaker after the clause', () => {
    const statement = only(containing(seed('2017-11-10'), 'security commitments to its allies'));
    expect(statement.speaker).toBe('Vladimir Putin');
    expect(statement.claim.split(' ')).toEqual(expect.arrayContaining(['alliance', 'examine', 'japan', 'treaty']));
  });

  it('reads "Japan would first have to withdraw" (2019-03) as a condition on the alliance', () => {
    const statement = only(containing(seed('2019-03-15'), 'Japan would first have to withdraw'));
    expect(statement).toMatchObject({ speaker: 'Vladimir Putin', kind: 'condition', polarity: 'positive', claim: 'alliance japan us withdraw' });
  });

  it('reads "the alliance continues to pose a threat" (2019-12) as a concern by Putin', () => {
    const statement = only(containing(seed('2019-12-19'), 'continues to pose a threat'));
    expect(statement).toMatchObject({ speaker: 'Vladimir Putin', kind: 'concern' });
    expect(statement.claim.split(' ')).toEqual(expect.arrayContaining(['alliance', 'concern']));
  });

  it('skips the reporters’ background: no statement from a paragraph that quotes nobody', () => {
    const statements = seed('2017-11-10');
    for (const background of ['never formally ended their hostilities', 'Soviet forces occupied', 'The sovereignty dispute has prevented']) {
      expect(containing(statements, background)).toEqual([]);
    }
  });

  it('keeps narrative that a speaker is only reported to have done ("he said he discussed talks") as a claim, not a stance', () => {
    const found = containing(seed('2017-11-10'), 'he said he discussed talks');
    expect(found.filter(isAlertable)).toEqual([]);
    expect(found.map((statement) => statement.kind)).toEqual(['claim']);
  });

  it('does not take "will not shy away from visiting" for a refusal', () => {
    const statement = only(containing(seed('2024-06-06'), 'will not shy away'));
    expect(statement.kind).not.toBe('refusal');
    expect(statement.polarity).toBe('positive');
  });
});

describe('attribution', () => {
  it('names the speaker in full with the role given at first mention, for a leading "X said …"', () => {
    const [statement] = extractStatements(['Russian President Vladimir Putin said Thursday he wants to conclude a peace treaty with Japan.']);
    expect(statement).toMatchObject({ speaker: 'Vladimir Putin', role: 'Russian President', kind: 'position' });
    expect(statement.claim).toBe('conclude japan peace treaty want');
  });

  it('starts a name at a title inside the run the name finder returns ("Virginia Gov. Tom Reyes", "no Plan B. Mr. Reyes")', () => {
    const [governor] = extractStatements(['Virginia Gov. Tom Reyes said the state must rebuild the levees.']);
    expect(governor.speaker).toBe('Tom Reyes');
    const statements = extractStatements(['Officials admit there is no Plan B.', 'Mr. Reyes said the state must rebuild the levees.']);
    expect(statements.find((statement) => statement.text.includes('levees'))?.speaker).toBe('Reyes');
  });

  it('reads a surname that is also a verb as the name it is before "said" ("“…,” Ward said"), not "Having announced …"', () => {
    expect(extractStatements(['“The levees must be rebuilt before winter,” Ward said.'])[0]?.speaker).toBe('Ward');
    // wink reads this one as "rise".
    expect(extractStatements(['“The levees must be rebuilt before winter,” Rose said.'])[0]?.speaker).toBe('Rose');
    const [judge] = extractStatements(['Having announced that the levees must be rebuilt, Judge Tom Reyes adjourned the hearing.']);
    expect(judge?.speaker).not.toBe('Having');
  });

  it('takes the full name that ends ", said <role> <name>," though the name finder knows only a word of the role', () => {
    const [statement] = extractStatements(['“The levees must be rebuilt before winter,” said Oregon delegate Beau Lindqvist, angered that the vote was refused.']);
    expect(statement.speaker).toBe('Beau Lindqvist');
  });

  it('takes who spoke for the subject, not the outlet they spoke to ("a senior official speaking to Reuters said")', () => {
    const speakers = ['A senior official speaking to Reuters said the talks must resume.', 'A source who spoke with The Ledger said the talks must resume.'].map(
      (sentence) => extractStatements([sentence])[0]?.speaker,
    );
    expect(speakers).toEqual(['senior official', 'source']);
  });

  it('takes the noun a sentence opens with, not the place after it, for the subject ("Legislative leaders in North Dakota, …, noted")', () => {
    const [leaders] = extractStatements(['Legislative leaders in North Dakota, for instance, noted that the levees must be rebuilt.']);
    expect(leaders.speaker).toBe('Legislative leaders');
    const [senator] = extractStatements(['Alarmed by the unrest in Nevada, Senator Tom Reyes, the minority leader, said that the levees must be rebuilt.']);
    expect(senator.speaker).toBe('Tom Reyes');
  });

  it('takes a chair, and a title a prefix qualifies ("the co-chairs", "the vice-chairman"), for a speaker', () => {
    const speakers = ["the group's co-chairs said", 'the vice-chairman said', "the committee's chair said"].map(
      (attribution) => extractStatements([`The lenders will not write down any principal, ${attribution}.`])[0]?.speaker,
    );
    expect(speakers).toEqual(["group's co-chairs", 'vice-chairman', "committee's chair"]);
  });

  it('never takes whom a call is made on for who makes it ("…, meanwhile, called on the X board to …")', () => {
    const statements = extractStatements(["The council's secretary general, meanwhile, called on the Kaldmark Fisheries Board to drop its claim."]);
    expect(statements.map((statement) => statement.speaker)).not.toContain('Kaldmark Fisheries Board');
  });

  it('ends a transcript label at its colon: the name after it is the next speaker\'s ("TAPPER: Tom Reyes released …")', () => {
    const [statement] = extractStatements(['JANE TAPPER: Tom Reyes released a statement on Friday.', 'REYES: The levees must be rebuilt before winter.']);
    expect(statement.speaker).toBe('Tom Reyes');
  });

  it('reads names listed with semicolons as several people, each a transcript turn\'s speaker ("Ana Lima; Tom Reyes, …")', () => {
    const statements = extractStatements([
      'Witnesses were Commissioner Ana Lima; Tom Reyes, the guild\'s counsel; and Maria Kovacs, a lecturer.',
      'LIMA: The levees must be rebuilt before winter.',
      'REYES: The guild will not pay for the levees.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
  });

  it('reads a transcript turn that asks a direct question as no one\'s statement ("REYES: Would you support that?")', () => {
    const statements = extractStatements([
      'Ana Lima debated Tom Reyes on Friday.',
      'REYES: Would you support a ban on the threat? And what about the levees, which must be rebuilt?',
      'LIMA: The levees must be rebuilt before winter. Why should we wait?',
    ]);
    expect(statements.map((statement) => [statement.speaker, statement.text])).toEqual([['Ana Lima', 'LIMA: The levees must be rebuilt before winter.']]);
  });

  it('reads a transcript label that gives a role and its holder in brackets, and the role alone after it ("CHAIR (LIMA):", "CHAIR:")', () => {
    const statements = extractStatements([
      'The committee, chaired by Ana Lima, questioned Tom Reyes on Friday.',
      'CHAIR (LIMA): The committee will not pay for the levees.',
      'REYES: The guild will not pay for the levees either.',
      'CHAIR: The levees must be rebuilt before winter.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes', 'Ana Lima']);
  });

  it('reads a transcript label that gives the speaker\'s body in brackets as the speaker\'s ("REYES (Norvale Drivers Guild Executive Board):")', () => {
    const statements = extractStatements([
      'The council heard Tom Reyes and Ana Lima on Friday.',
      'REYES (Norvale Drivers Guild Executive Board): The guild will not pay for the levees.',
      'LIMA (Norvale Rail): The levees must be rebuilt before winter.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Ana Lima']);
  });

  it('gives "I" and "we" of a transcript turn to its speaker ("REYES: I would say …")', () => {
    const statements = extractStatements(['Ana Lima debated Tom Reyes on Friday.', 'REYES: I would say the levees must be rebuilt before winter.']);
    expect(statements.map((statement) => [statement.speaker, statement.kind])).toEqual([['Tom Reyes', 'condition']]);
    // After the conjunction that joins its clause too.
    const joined = extractStatements(['Ana Lima debated Tom Reyes on Friday.', 'REYES: The levees are old, and we have said we will rebuild them before winter.']);
    expect(joined.map((statement) => statement.speaker)).toEqual(['Tom Reyes']);
  });

  it('gives "she" that closes a quotation of several sentences to the subject of the sentence before it opened, in its paragraph', () => {
    const unmoved = [
      'Sofia Brandt, the depot manager, said the company would double its budget. “We think that is fair,” she said.',
      'Told of the offer, Ana Lima was unmoved. “Doubling a small number still gives you a small number. Budgets go up and down with the mood of the board,” she said.',
    ];
    expect(speakerOfClaim(unmoved, 'small')).toBe('Ana Lima');
    // A quotation that opens its paragraph looks no further back than before.
    const opens = [
      'Sofia Brandt, the depot manager, said the company would double its budget. “We think that is fair,” she told Ana Lima.',
      '“Doubling a small number still gives you a small number. Budgets go up and down with the mood of the board,” she said.',
    ];
    expect(speakerOfClaim(opens, 'small')).toBe('Sofia Brandt');
  });

  it('gives the items of a list a paragraph introduces with a colon to who introduced it, as positions, up to a heading', () => {
    const read = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => [statement.speaker, statement.kind, statement.text.split(':')[0]]);
    const newsletter = [
      'The city and Norvale Rail signed a deal on Tuesday.',
      'THE TERMS, according to a statement released by the city council:',
      'Fares: a cap of $2 a ride until 2027, rising with inflation after that.',
      'Depot: Norvale Rail cedes the east yard to the city.',
      'OUR TAKE: The fares will rise anyway, as they always do.',
    ];
    expect(read(newsletter)).toEqual([
      ['city council', 'position', 'Fares'],
      ['city council', 'position', 'Depot'],
    ]);
    // Without the paragraph that introduces them, labelled paragraphs are the writer's.
    expect(read([newsletter[0], ...newsletter.slice(2)])).toEqual([]);
    // Bullets open items too.
    const bullets = ['The Drivers Guild met the mayor on Monday.', 'Its demands, according to a statement from the Drivers Guild:', '- The city must freeze fares until 2027.', '- Drivers would get a rest area at every depot.'];
    expect(read(bullets).map(([speaker]) => speaker)).toEqual(['Drivers Guild', 'Drivers Guild']);
    // A document issued just before, which the introduction names, sets out the list in its issuer's name.
    const filing = ['Norvale Rail has filed its revised application with the transport agency.', 'Key changes in the revised application:', '• Depot moved to the east yard.', '• Fares capped at $2 a ride until 2027.'];
    expect(read(filing)).toEqual([
      ['Norvale Rail', 'position', '• Depot moved to the east yard.'],
      ['Norvale Rail', 'position', '• Fares capped at $2 a ride until 2027.'],
    ]);
    // Not a document no one is said to have issued.
    expect(read(['Norvale Rail runs the depot.', ...filing.slice(1)])).toEqual([]);
    // A label that names someone the article knows opens a transcript's turn.
    const debate = ['Ana Lima debated Tom Reyes on Friday.', 'The moderator, Ivo Pelt, said the exchange went as follows:', 'Lima: The city will cut fares by a third.'];
    expect(read(debate).at(-1)?.[0]).toBe('Ana Lima');
  });

  it('gives "according to a statement released by X" to X, not a speech\'s own words that X released', () => {
    const [released] = extractStatements(['The city will cut fares, according to a statement released by the Ministry of Transport.']);
    expect(released?.speaker).toBe('Ministry, Transport');
    const [excerpts] = extractStatements(['Mayor Ana Lima met the council.', 'The city will cut fares, Lima will say, according to excerpts of her speech released by the city council.']);
    expect(excerpts?.speaker).toBe('Ana Lima');
    const owned = extractStatements(['Mayor Ana Lima met the council.', 'The city will cut fares, according to her statement released by the city council.']);
    expect(owned.map((statement) => statement.speaker)).not.toContain('city council');
  });

  it('reads a past form the tagger takes for an adjective as the verb a participle hangs on ("The company hardened its warning, saying …")', () => {
    const statements = extractStatements(['Norvale Rail met the council on Monday.', 'The company hardened its warning, saying it would not launch new services in the city.']);
    expect(statements.map((statement) => [statement.speaker, statement.kind])).toEqual([['company', 'refusal']]);
  });

  it('reads past a sentence adverb without its comma before a subject pronoun ("Instead it proposed …"), not past "When she …"', () => {
    const statements = extractStatements(['The Drivers Guild dropped its demand for a cap on fares. Instead it proposed a binding goal to cut fares.']);
    expect(statements.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Drivers Guild', 'condition'],
      ['Drivers Guild', 'offer'],
    ]);
    // A clause of time is no sentence adverb: who spoke is the main clause's subject.
    const [when] = extractStatements(['Tom Reyes met Ana Lima.', 'When she ran for mayor, Reyes attacked her plan to cut fares.']);
    expect(when?.speaker).toBe('Tom Reyes');
  });

  it('gives a relative clause that reports ("…, who told a rally that …") to the person named before it, up to its closing comma', () => {
    const [told] = extractStatements(['The debate has been sharpened by President Ana Lima, who told a rally on Friday that the city should own the depot.']);
    expect(told).toMatchObject({ speaker: 'Ana Lima' });
    expect(told.claim).toContain('depot');
    const [closed] = extractStatements(['Ana Lima, who said the city should own the depot, has since gone quiet.']);
    expect(closed).toMatchObject({ speaker: 'Ana Lima' });
    expect(closed.claim).not.toContain('quiet');
    // A name nobody knows yet is found before "who" too, and what "who" said is never the clause before it.
    const unknown = ['Tom Reyes, president of the drivers guild, wants part of the depot set aside.', 'The debate has been sharpened by President Augustin Mbelu, who told a rally in the capital, Chivuna, on March 8 that the city should own the depot. “Investors cannot be our landlords,” the president said.'];
    expect(speakerOfClaim(unknown, 'landlord')).toBe('Augustin Mbelu');
    expect(speakerOfClaim(unknown, 'debate')).toBeUndefined();
  });

  it('gives a title two people hold to the one named last ("President Ana Lima, who told a rally …" | "the president said"), not the last to speak', () => {
    const sharpened = [
      'Tom Reyes, president of the drivers guild, wants part of the depot set aside. “Give us a zone,” he said.',
      'The debate has been sharpened by President Ana Lima, who told a rally on Friday that the city should own the depot. “Investors can be our partners, but they cannot be our landlords,” the president said.',
    ];
    expect(speakerOfClaim(sharpened, 'landlord')).toBe('Ana Lima');
    // Named again since, the guild's president is the president meant.
    const again = [
      'President Ana Lima told a rally on Friday that the city should own the depot.',
      'Tom Reyes, president of the drivers guild, wants part of the depot set aside. “Give us a zone,” the president said.',
    ];
    expect(speakerOfClaim(again, 'zone')).toBe('Tom Reyes');
  });

  it('reads "Let me say …" in a transcript turn as its speaker\'s own words, as "I will say …" is', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima opened the hearing.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('LIMA: Let me say at the outset that this council is not a court, and we will not reopen the decision.')).toEqual(['Ana Lima: refusal']);
    // Outside a turn, "me" is no one the article names.
    expect(read('Let me say at the outset that this council is not a court, and we will not reopen the decision.')).toEqual([]);
  });

  it('reads an opinion the speaker gives as their own ("We think 1.5 percent is the right number") as a position, not a claim', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima opened the hearing.', sentence]).map((statement) => statement.kind);
    expect(read('LIMA: We think 1.5 percent is the right number.')).toEqual(['position']);
    expect(read('LIMA: I feel that the fee is fair.')).toEqual(['position']);
    // A feeling, or what one thought about, is no opinion on terms.
    expect(read('LIMA: This is all we thought about every day.')).toEqual(['claim']);
    // So is a judgment passed on what one finds.
    expect(read('LIMA: I find it troubling when a company talks about closing the depot.')).toEqual(['position']);
  });

  it('reads "write" with a thing for its object as no verb of saying ("will not write a cheque"), and a letter or an op-ed as one', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met Tom Reyes.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('REYES: The city will not write a cheque for the depot.')).toEqual(['Tom Reyes: refusal']);
    expect(read('Reyes wrote a letter saying the city must rebuild the depot.')).toEqual(['Tom Reyes: condition']);
    expect(read('Reyes wrote an op-ed urging the council to rebuild the depot.')).toEqual(['Tom Reyes: demand']);
    expect(read('“The city must rebuild the depot,” wrote a local historian.')).toEqual(['local historian: condition']);
  });

  it("gives a Q&A interview's answers to the interviewee the introduction names, labelled or not, and the questions to no one", () => {
    const interview = [
      'Ana Lima chairs the drivers guild. Speaking to the Courier on Tuesday, she set out what the guild wants from the city.',
      'Q: Will the guild accept the council plan?',
      'A: Not as it stands. We will not sign unless the minimum fare rises.',
      'I would say the council has moved a little.',
      'Q: Should the city cap the fees apps charge?',
      'The cap must come before any new licences.',
    ];
    const statements = extractStatements(interview);
    const answers = statements.filter((statement) => statement.paragraphIndex >= 1);
    expect(new Set(answers.map((statement) => statement.speaker))).toEqual(new Set(['Ana Lima']));
    expect(answers.find((statement) => statement.claim.includes('fare'))).toMatchObject({ kind: 'condition', paragraphIndex: 2 });
    expect(new Set(answers.map((statement) => statement.paragraphIndex))).toEqual(new Set([2, 3, 5]));
    // An explainer asks and answers in its writer's voice: no introduction presents an interview.
    const explainer = ['Ana Lima chairs the drivers guild.', ...interview.slice(1)];
    expect(extractStatements(explainer).filter((statement) => statement.speaker === 'Ana Lima')).toEqual([]);
  });

  it('takes the first person the introduction names in full for the interviewee, not a one-word name before it', () => {
    const interview = [
      'A month after she fined Norvale, the ombudsman, Ana Lima, is in talks with the company. She spoke to the Courier on Tuesday.',
      'Q: Are you negotiating with Norvale?',
      'A: We are talking. We will not cut the fine unless the depot reopens.',
      'Q: And the fares?',
      'A: The fares must fall.',
    ];
    const answers = extractStatements(interview, { speakers: ['Norvale', 'Ana Lima'] }).filter((statement) => statement.paragraphIndex >= 1);
    expect(answers.length).toBeGreaterThan(1);
    expect(new Set(answers.map((statement) => statement.speaker))).toEqual(new Set(['Ana Lima']));
  });

  it("reads an interviewer's premise as no one's stance, and an answer given in the question's paragraph as the interviewee's", () => {
    const interview = [
      'Ana Lima chairs the drivers guild. Speaking to the Courier on Tuesday, she set out what the guild wants from the city.',
      'Q: Tom Reyes says the council will not raise the minimum fare. Norvale Rail wants the depot sold. Will the guild strike?',
      'A: Not yet. We will not strike before the council votes.',
      'Q: The mayor wants a fee cap. Do you support that? A: Of course. We support any cap on the fees apps charge.',
    ];
    const statements = extractStatements(interview).map((statement) => `${statement.paragraphIndex} ${statement.speaker}: ${statement.claim}`);
    expect(statements.filter((line) => /^[13] /.test(line))).toEqual([expect.stringMatching(/^3 Ana Lima: .*cap/)]);
    expect(statements.some((line) => line.startsWith('2 Ana Lima') && line.includes('strike'))).toBe(true);
  });

  it("takes a label of the publication's initials for the interviewer's (\"NBW:\" after \"sat down with Norvale Business Weekly\")", () => {
    const interview = [
      'Mayor Ana Lima sat down with Norvale Business Weekly at City Hall.',
      'NBW: The drivers guild wants a fare rise. Will you agree?',
      'Lima: We will not raise fares this year.',
      'NBW: Tom Reyes says the depot must close. Will it?',
      'Lima: The depot stays open.',
    ];
    const statements = extractStatements(interview);
    expect(statements.map((statement) => statement.paragraphIndex)).toEqual([2, 4]);
    expect(new Set(statements.map((statement) => statement.speaker))).toEqual(new Set(['Ana Lima']));
    // Initials that no name before them stands for label no interviewer: what the turn reports stays reported.
    const other = ['Mayor Ana Lima sat down with the Norvale Courier at City Hall.', ...interview.slice(1)];
    expect(extractStatements(other).map((statement) => statement.speaker)).toContain('Tom Reyes');
  });

  it('takes a label of the publication named in full for the interviewer\'s ("spoke to Norvale Weekly" | "Norvale Weekly: …")', () => {
    const interview = [
      'Ana Lima chairs the drivers guild. She spoke to Norvale Weekly at the depot.',
      'Norvale Weekly: Tom Reyes says the depot must close. Will it?',
      'Lima: The depot stays open.',
      'Norvale Weekly: The council wants a fare rise. Will you agree?',
      'Lima: We will not raise fares this year.',
    ];
    const statements = extractStatements(interview);
    expect(statements.map((statement) => statement.paragraphIndex)).toEqual([2, 4]);
    expect(new Set(statements.map((statement) => statement.speaker))).toEqual(new Set(['Ana Lima']));
    // A name in full labels no interviewer unless the interview was given to it: the interviewee's labels her answers.
    const answers = ['Ana Lima chairs the drivers guild. She spoke to the Courier at the depot.', 'Q: Will the depot close?', 'Ana Lima: The depot stays open.', 'Q: And fares?', 'Ana Lima: We will not raise fares this year.'];
    expect(extractStatements(answers).map((statement) => [statement.paragraphIndex, statement.speaker])).toEqual([
      [2, 'Ana Lima'],
      [4, 'Ana Lima'],
    ]);
  });

  it('reads a stance verb after a determiner as a participle that qualifies a noun ("on the proposed depot"), no one\'s stance', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima opened the hearing.', sentence]).map((statement) => statement.speaker);
    expect(read('The hearing of Norvale City Council on the proposed depot was held in the council chamber on 20 March 2025.')).toEqual([]);
    expect(read('The hearing of Norvale City Council on its planned depot was held in the council chamber on 20 March 2025.')).toEqual([]);
    // A time adjunct stands between a subject and its verb all the same.
    expect(read('Norvale City Council on Tuesday proposed a new depot.')).toEqual(['Norvale City Council']);
  });

  it('knows a name with a suffix or a party tag by the words before them, so its surname alone is the same person', () => {
    const statements = extractStatements([
      'Vice President Tom B. Reyes Jr. said the state must rebuild the levees.',
      'Senate Minority Leader Dana M. Whitfield (D-Md.) said the freeze must end.',
      'Reyes said the levees would not wait for the budget.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Tom B. Reyes', 'Dana M. Whitfield', 'Tom B. Reyes']);
    // A plural title is a title too (the name finder keeps "Sens." with a given name it does not know).
    const [paul] = extractStatements(['Sens. Rand Paul (Ky.) and Mary Lane (Fla.) debated tax credits on Tuesday.', 'Paul said the freeze must end.']);
    expect(paul.speaker).toBe('Rand Paul');
  });

  it('attributes a clause to a speaker named after it ("…, Putin reportedly said")', () => {
    const [statement] = extractStatements([
      'Japan would have to back out of its security pact with the U.S. for Russia to accept a peace treaty, Putin reportedly said.',
    ]);
    expect(statement).toMatchObject({ speaker: 'Putin', kind: 'condition' });
  });

  it('uses the full name from anywhere in the article when a paragraph gives only the surname', () => {
    const statements = extractStatements([
      'Japan would have to back out of its security pact with the U.S. for Russia to accept a peace treaty, Putin reportedly said.',
      'MOSCOW -- Russian President Vladimir Putin said the "tempo has been lost" toward a peace treaty with Japan.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Vladimir Putin', 'Vladimir Putin']);
  });

  it('resolves a title after a quote ("…,” the Russian leader said) to the last named speaker', () => {
    const statements = extractStatements([
      'Russian President Vladimir Putin said Moscow needed to examine the commitments Japan has.',
      '“We all have to understand that it is a lot of work, and it is not a question of just one year,” the Russian leader said at a news conference.',
    ]);
    expect(statements[1]).toMatchObject({ speaker: 'Vladimir Putin', kind: 'position' });
  });

  it('does not give "the union leader" to the last named speaker when that speaker is another body’s voice', () => {
    const statements = extractStatements([
      'Kari Lund, who heads the drivers, said they would strike on Friday unless the company raised its offer.',
      'The company’s chief executive, Ole Berg, said the company could not afford more than 3 percent.',
      'The union leader said that was not good enough.',
      'Senator Tom Reyes, the minority leader, said the levees must be rebuilt.',
      'The minority leader said the state would pay.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Kari Lund', 'Ole Berg', 'union leader', 'Tom Reyes', 'Tom Reyes']);
  });

  it('resolves "He said" to the last named speaker, not to a person merely mentioned since', () => {
    const statements = extractStatements([
      'Russian President Vladimir Putin said the tempo has been lost toward a peace treaty with Japan.',
      'Putin met Prime Minister Shinzo Abe in Vladivostok on Friday.',
      'He said Japan would first have to withdraw from its security pact with the United States.',
    ]);
    expect(only(containing(statements, 'withdraw'))).toMatchObject({ speaker: 'Vladimir Putin', kind: 'condition' });
  });

  it('gives "she said" to the woman named before, not to the man named last', () => {
    const statements = extractStatements([
      'Senator Maria Ortiz met Governor Tom Reyes on Monday.',
      'Reyes said the state would not raise taxes this year.',
      '“We will block the budget unless it funds the clinics,” she said.',
    ]);
    expect(only(containing(statements, 'clinics'))).toMatchObject({ speaker: 'Maria Ortiz', kind: 'condition' });
  });

  it('reads the gender an honorific marks ("Ms. Lund") and gives "she said" to nobody when no woman was named', () => {
    const marked = extractStatements(['Ms. Lund met Mr. Berg.', 'Berg said the airline would cut routes.', '“We will strike unless pay rises,” she said.']);
    expect(only(containing(marked, 'strike'))).toMatchObject({ speaker: 'Lund' });
    const unmarked = extractStatements(['Tom Reyes said the state would not raise taxes.', '“We will block the budget unless it funds the clinics,” she said.']);
    expect(containing(unmarked, 'clinics').map((statement) => statement.speaker)).not.toContain('Tom Reyes');
  });

  it('learns the gender of an unmarked name from the pronoun that refers to it, so the next "he" is someone else', () => {
    const statements = extractStatements([
      'Councillor Tom Reyes left the hall early.',
      'A fitting word came from the student Jordan Avery, who spoke last.',
      '“Relentless,” she said of the campaign.',
      'He plans to support at least a hundred candidates for the council next year.',
    ]);
    expect(only(containing(statements, 'hundred candidates')).speaker).toBe('Tom Reyes');
  });

  it('reads verbs of saying that take a question or a speculation ("questioned whether", "speculated that")', () => {
    const statements = extractStatements([
      'Senator Alex Ortiz questioned whether the tariffs would survive a court challenge.',
      'Governor Tom Reyes speculated that the strike could last into the spring.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Alex Ortiz', 'Tom Reyes']);
  });

  it('keeps the negation of a stance verb in the stance ("does not support", "did not rule out")', () => {
    const [opposes] = extractStatements(['Governor Tom Reyes does not support the new tax on fuel.']);
    expect(opposes).toMatchObject({ speaker: 'Tom Reyes', kind: 'position', polarity: 'negative' });
    const [open] = extractStatements(['Governor Tom Reyes did not rule out a new tax on fuel.']);
    expect(open?.kind).not.toBe('refusal');
  });

  it('reads a question opened by "why" or "how", an adverb, as what the verb reports, and takes it for a doubt', () => {
    const [doubt] = extractStatements(['Mayor Ana Lind questioned why the council had not published the audit.']);
    expect(doubt).toMatchObject({ speaker: 'Ana Lind', kind: 'position', polarity: 'positive' });
    // The negation belongs to the question, not to the mayor's stance.
    expect(doubt.claim.split(' ')).not.toContain('not');
  });

  it('reads a stance verb as a position, "did not rule out" as keeping an option open, after leading adjuncts', () => {
    const [open] = extractStatements(['In an interview aired on Sunday, Governor Tom Reyes did not rule out a new tax on fuel.']);
    expect(open).toMatchObject({ speaker: 'Tom Reyes', kind: 'position' });
    const [backs] = extractStatements(['On Friday, in Leeds, Senator Alex Ortiz backed the rail budget.']);
    expect(backs).toMatchObject({ speaker: 'Alex Ortiz', kind: 'position' });
  });

  it('reads "turned down" as a refusal, the same claim as a rejection', () => {
    const [turned] = extractStatements(['The Norvale port authority has turned down the union’s request.']);
    const [rejected] = extractStatements(['The Norvale port authority has rejected the union’s request.']);
    expect(turned).toMatchObject({ speaker: 'Norvale port authority', kind: 'refusal', polarity: 'negative' });
    expect(turned.claim).toBe(rejected.claim);
  });

  it('reads a stance taken in a clause of time ("after X dropped its demand …", "even as X offered …"), not one the writer guesses at', () => {
    const [dropped] = extractStatements(['The two cities signed the plan after Governor Tom Reyes had dropped his demand that the state first pay the farmers.']);
    expect(dropped).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition', withdrawn: true });
    const [refused] = extractStatements(['The meeting was cancelled after Senator Alex Ortiz refused to back the rail budget.']);
    expect(refused).toMatchObject({ speaker: 'Alex Ortiz', kind: 'refusal' });
    expect(extractStatements(['The meeting was cancelled before Senator Alex Ortiz could reject the rail budget.'])).toEqual([]);
    const [evenAs] = extractStatements(['The gas company cut deliveries on Tuesday, even as Governor Tom Reyes offered to share the cost of a new station.']);
    expect(evenAs).toMatchObject({ speaker: 'Tom Reyes', kind: 'offer' });
    expect(extractStatements(['The gas company cut deliveries as Governor Tom Reyes offered to share the cost of a new station.'])).toEqual([]);
  });

  it('reads a verb of saying after "begun to", "continued to", "went on to", "interjected to" with that verb’s subject, but not after other infinitives', () => {
    const [begun] = extractStatements(['Governor Tom Reyes has begun to indicate that the state must rebuild the levees.']);
    expect(begun).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition' });
    const [continued] = extractStatements(['Senator Alex Ortiz continued to insist the board must freeze fares.']);
    expect(continued).toMatchObject({ speaker: 'Alex Ortiz', kind: 'condition' });
    const [wentOn] = extractStatements(['Senator Alex Ortiz went on to say the board must freeze fares.']);
    expect(wentOn).toMatchObject({ speaker: 'Alex Ortiz', kind: 'condition' });
    // Taking one's turn: "interjected to say", "chimed in to say", "stood up to say".
    const turns = extractStatements([
      'Councillor Ivo Pelt interjected to say the board must freeze fares.',
      'Mayor Ana Lima chimed in to say the depot would not close.',
      'Governor Tom Reyes stood up to say the state would rebuild the levees.',
    ]);
    expect(turns.map((statement) => statement.speaker)).toEqual(['Ivo Pelt', 'Ana Lima', 'Tom Reyes']);
    // How readily it was said ("was quick to add"), or made a point of; not "was quick to strike".
    const readily = extractStatements([
      'Councillor Ivo Pelt was quick to add that the board must freeze fares.',
      'Mayor Ana Lima made a point of saying the depot would not close.',
      'The drivers were quick to strike.',
    ]);
    expect(readily.map((statement) => statement.speaker)).toEqual(['Ivo Pelt', 'Ana Lima']);
    // "is expected to announce": a statement still to come.
    expect(extractStatements(['Senator Alex Ortiz is expected to announce that the board must freeze fares.'])).toEqual([]);
  });

  it('reads "noted in a guest column in Saturday’s paper that …" as saying, past the phrase before its clause', () => {
    const [noted] = extractStatements(['Mayor Ana Lima noted in a guest column in Saturday’s Harlow Evening Courier that the levy must be cut.']);
    expect(noted).toMatchObject({ speaker: 'Ana Lima', kind: 'condition', claim: 'cut levy' });
  });

  it('reads "implied that …" and a verb of saying after "seemed to" as saying, but not "the cuts imply higher fares"', () => {
    const found = extractStatements([
      'Governor Tom Reyes implied that the board had misled the council.',
      'Senator Alex Ortiz seemed to suggest on Tuesday that the state would rebuild the levees.',
      'The cuts imply higher fares for most riders next year.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Alex Ortiz']);
  });

  it('skips a long opening clause of time ("Eight days before …, X called the vote off")', () => {
    const [off] = extractStatements([
      'Eight days before workers were due to vote on whether to stop the night buses for a week, union leader Kari Lund called the strike off.',
    ]);
    expect(off).toMatchObject({ speaker: 'Kari Lund', kind: 'condition', withdrawn: true });
  });

  it('reads criticism, praise and repudiation as stances: "called out", "slammed", "praised", "has had to repudiate"', () => {
    const found = extractStatements([
      'Senator Alex Ortiz has called out the board over the fare rise.',
      'Governor Tom Reyes slammed the rail budget as reckless.',
      'Mayor Ana Lima denounced the plan to close the clinic.',
      'Senator Alex Ortiz has praised the board’s handling of the fare freeze.',
      'Governor Tom Reyes applauded the court ruling on the rail budget.',
      'But Mayor Ana Lima has also had to repudiate parts of her predecessor’s housing plan.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Alex Ortiz', 'Tom Reyes', 'Ana Lima', 'Alex Ortiz', 'Tom Reyes', 'Ana Lima']);
    expect(found.every(isAlertable)).toBe(true);
    // "called off" still gives a threat up.
    expect(extractStatements(['Union leader Kari Lund called the strike off on Friday.'])[0]).toMatchObject({ withdrawn: true });
    const attacks = extractStatements([
      'Senator Alex Ortiz lambasted the rail deal.',
      'Governor Tom Reyes attacked the mayor for the fare rise.',
      'Mayor Ana Lima has railed against the fare rise for months.',
      'Councillor Ola Berg decried the cuts to the night buses.',
      'Senator Alex Ortiz ripped into the board over the fare rise.',
    ]);
    expect(attacks.map((statement) => statement.speaker)).toEqual(['Alex Ortiz', 'Tom Reyes', 'Ana Lima', 'Ola Berg', 'Alex Ortiz']);
    // Without its particle "rip" is no criticism.
    expect(extractStatements(['Councillor Ivo Pelt ripped the notice off the depot door.'])).toEqual([]);
    // A stance changed or held: "softened her opposition", "changed his mind", "came out in support of", "stands firm".
    const changed = extractStatements([
      'Senator Alex Ortiz has softened his opposition to the fare rise.',
      'Governor Tom Reyes changed his mind on the depot.',
      'Mayor Ana Lima came out in support of the levy.',
      'Councillor Ola Berg stands firm on the fare freeze.',
      'Councillor Ivo Pelt changed his shoes before the vote.',
      // An option kept, or a stance all but taken; not a door or an open-plan office left.
      'Senator Alex Ortiz left open the possibility of a fare freeze.',
      'Governor Tom Reyes left the door open to a levy.',
      'Mayor Ana Lima stopped short of ruling out a fare rise.',
      'Councillor Ivo Pelt left the depot door open overnight.',
      'Councillor Ivo Pelt left open-plan offices behind.',
    ]);
    expect(changed.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Alex Ortiz', 'position'],
      ['Tom Reyes', 'position'],
      ['Ana Lima', 'position'],
      ['Ola Berg', 'position'],
      ['Alex Ortiz', 'position'],
      ['Tom Reyes', 'offer'],
      ['Ana Lima', 'position'],
    ]);
    // Taking a side, leaning, keeping one's distance, apologizing.
    const sides = extractStatements([
      'Senator Alex Ortiz sided with the union on the fare rise.',
      'Governor Tom Reyes is leaning toward a fare freeze.',
      'Mayor Ana Lima distanced herself from the council’s plan.',
      'Councillor Ola Berg apologized for her remarks about the drivers.',
    ]);
    expect(sides.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Alex Ortiz', 'position'],
      ['Tom Reyes', 'position'],
      ['Ana Lima', 'position'],
      ['Ola Berg', 'position'],
    ]);
    // A stance by its noun without a possessive, a doubt expressed, an idea floated, criticism shrugged off.
    const voiced = extractStatements([
      'Mayor Ana Lima voiced support for the fare freeze.',
      'Councillor Ola Berg expressed doubt that the levy would pass.',
      'Governor Tom Reyes floated the idea of a four-day week.',
      'Senator Alex Ortiz shrugged off the criticism.',
      'Mayor Ana Lima brushed aside questions about the depot.',
      'Councillor Ivo Pelt downplayed the risk of a strike.',
      'The council floated a bond.',
    ]);
    expect(voiced.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Ola Berg', 'Tom Reyes', 'Alex Ortiz', 'Ana Lima', 'Ivo Pelt']);
    // Time spent doing it: "spent the week attacking", "spent her campaign railing against" (wink reads "railing" as a
    // noun; "the railing against the wall" stays one).
    const spent = extractStatements([
      'Mayor Ana Lima spent the week attacking the governor over the toll.',
      'Councillor Ola Berg spent much of her campaign railing against the toll.',
      'Councillor Ivo Pelt spent $2 million repairing the bridge.',
      'Councillor Ivo Pelt leaned on the railing against the wall.',
    ]);
    expect(spent.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Ola Berg']);
    // Asking hard or warning: "appealed for calm", "pleaded with … to", "challenged … to", "cautioned against"; not
    // "appeals to a demographic" nor "challenged her in 1986".
    const asks = extractStatements([
      'Mayor Ana Lima appealed for calm.',
      'Councillor Ola Berg pleaded with the council to reconsider.',
      'Governor Tom Reyes challenged the mayor to a debate.',
      'Senator Alex Ortiz cautioned against reading too much into the vote.',
      'Mayor Ana Lima held out hope for a deal before May.',
      'Councillor Ola Berg gave the board until Friday to improve its offer.',
      'Governor Tom Reyes set a deadline of June 1 for a new plan.',
      'Councillor Ivo Pelt appeals to younger voters.',
      'Councillor Ivo Pelt challenged the mayor in 2019.',
    ]);
    expect(asks.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'demand'],
      ['Ola Berg', 'demand'],
      ['Tom Reyes', 'demand'],
      ['Alex Ortiz', 'concern'],
      ['Ana Lima', 'position'],
      ['Ola Berg', 'demand'],
      ['Tom Reyes', 'demand'],
    ]);
    // A body decides by vote; how someone voted in an election is no stance.
    const votes = extractStatements([
      'Union members voted to strike if the company cuts pensions.',
      'The council voted 7-2 to reject the depot plan.',
      'Councillor Ola Berg voted for the mayor in 2019.',
    ]);
    expect(votes.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Union members', 'condition'],
      ['council', 'refusal'],
    ]);
    const idioms = extractStatements(['Senator Alex Ortiz has thrown his support behind the rail deal.', 'Governor Tom Reyes took aim at the fare rise.']);
    expect(idioms.map((statement) => [statement.speaker, statement.kind])).toEqual([['Alex Ortiz', 'position'], ['Tom Reyes', 'position']]);
    // Holding to what one said, pushing back, making a case; not standing by a door.
    const held = extractStatements([
      'Senator Alex Ortiz stood by his comments on the rail deal.',
      'Governor Tom Reyes doubled down on his call for a fare freeze.',
      'Mayor Ana Lima pushed back against the fare rise.',
      'Councillor Ola Berg made the case for a new depot.',
      'Councillor Ivo Pelt stood by the door of the depot.',
      'Councillor Nina Holt made a strong case against the levy.',
      'Councillor Ada Tran will make her case to the council that the depot must stay.',
      'Councillor Ivo Pelt made the case to 23 transit union leaders that the depot must stay.',
      'In doing so, Councillor Eva Lund was also making an argument for a smaller levy.',
      'Councillor Pia Berg expressed solidarity with the striking drivers.',
      // Accepting terms on the table, not money or an award.
      'The rail company accepted the union’s latest proposal on Monday.',
      'Councillor Ivo Pelt accepted an award from the chamber.',
    ]);
    expect(held.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Alex Ortiz', 'position'],
      ['Tom Reyes', 'demand'],
      ['Ana Lima', 'position'],
      ['Ola Berg', 'position'],
      ['Nina Holt', 'position'],
      ['Ada Tran', 'condition'],
      ['Ivo Pelt', 'condition'],
      ['Eva Lund', 'position'],
      ['Pia Berg', 'position'],
      ['rail company', 'position'],
    ]);
    // A light verb and a stance noun: the noun is the stance.
    const promised = extractStatements(['Senator Alex Ortiz delivered a forceful promise to fund the rail line.', 'Governor Tom Reyes renewed his call for a fare freeze.']);
    expect(promised.map((statement) => [statement.speaker, statement.kind])).toEqual([['Alex Ortiz', 'position'], ['Tom Reyes', 'demand']]);
    // Saying again what one holds: the noun's clause is the stance.
    const restated = extractStatements(['Mayor Ana Lima reiterated her belief that the levy is fair.', 'Governor Tom Reyes renewed his criticism of the depot plan.']);
    expect(restated.map((statement) => [statement.speaker, statement.kind])).toEqual([['Ana Lima', 'position'], ['Tom Reyes', 'position']]);
    // Setting out a plan or terms states them; the terms after a colon are what was set out.
    const setOut = extractStatements([
      'Mayor Ana Lima laid out her plan for the clinic on Monday.',
      'Governor Tom Reyes set out what he called his last offer: no fare rise unless the state pays half.',
    ]);
    expect(setOut.map((statement) => [statement.speaker, statement.kind])).toEqual([['Ana Lima', 'position'], ['Tom Reyes', 'condition']]);
    expect(extractStatements(['Governor Tom Reyes unveiled a statue in the park.', 'Mayor Ana Lima set out for the coast on Monday.'])).toEqual([]);
    // A particle makes another verb: nobody takes a stance in "blasted out an email" or "hails from".
    expect(extractStatements(['Senator Alex Ortiz blasted out an email to donors.', 'Governor Tom Reyes hails from a mining town.'])).toEqual([]);
  });

  it('tells two people of one surname apart, by given name and by honorific', () => {
    const found = extractStatements([
      'Senator Ana Lima said the clinic must stay open.',
      'Her husband, Carlos Lima, said the family would sue the city.',
      'Mr. Lima added that the city must pay for the repairs.',
      'Mrs. Lima said the state must pay for the new wing.',
      'Lima said the budget would fail without it.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Carlos Lima', 'Carlos Lima', 'Ana Lima', 'Ana Lima']);
  });

  it('reads a reported clause that backs or rejects something as a position, and the noun "support" as no stance', () => {
    const [backs] = extractStatements(['Senator Alex Ortiz said he supported a smaller rail budget.']);
    expect(backs).toMatchObject({ speaker: 'Alex Ortiz', kind: 'position' });
    const [noun] = extractStatements(['Senator Alex Ortiz said the support for the rail budget was thin in the north.']);
    expect(noun).toMatchObject({ speaker: 'Alex Ortiz', kind: 'claim' });
  });

  /** Speaker and kind of each statement of the paragraphs. */
  const speakersAndKinds = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => [statement.speaker, statement.kind]);

  it.each([
    {
      reads: '"declined to comment" on the record as a claim, never a stance, but not a refusal to discuss terms',
      paragraphs: [
        'Mayor Ana Lima declined to comment.',
        'Governor Tom Reyes, for his part, has also declined to say whether he would back the fare rise.',
        'Senator Alex Ortiz said she would meet the union but refused to discuss any figure other than nine percent.',
        'Lena Ortiz, Calder Health’s chief executive, declined to be interviewed for this story.',
        // A relative clause between the subject and the verb describes the subject.
        'Governor Ed Sato, who has named Ana Lima as his deputy, declined to comment on the plan.',
        // A no-comment in the speaker's words; one that goes on to say something is not.
        'Asked about the levy, Ida Lenz said: “We don’t comment on hypotheticals.”',
        'Asked about the fares, Councillor Eva Lund said: “No comment.”',
        'Councillor Pia Berg said she would not comment on the merits but would appeal.',
        // Not negotiating in public says nothing of the terms either.
        'Asked about a lower fare, Councillor Eva Lund said: “I am not going to negotiate through the media.”',
        // Talk about the talk says nothing of the terms; words after "I will be honest:" do.
        '“Mr Reyes, I’ll start with you,” Councillor Eva Lund said.',
        '“I want to be clear about that tonight,” Mayor Ana Lima said.',
        'Mayor Ana Lima said: “I will be honest: we will not sign it.”',
      ],
      expected: [
        ['Ana Lima', 'claim'],
        ['Tom Reyes', 'claim'],
        ['Alex Ortiz', 'refusal'],
        ['Lena Ortiz', 'claim'],
        ['Ed Sato', 'claim'],
        ['Ida Lenz', 'claim'],
        ['Eva Lund', 'claim'],
        ['Pia Berg', 'refusal'],
        ['Eva Lund', 'claim'],
        ['Eva Lund', 'claim'],
        ['Ana Lima', 'claim'],
        ['Ana Lima', 'refusal'],
      ],
    },
    {
      reads: 'someone who could not be asked as a claim, never a stance, and a forecast or a schedule as no wish',
      paragraphs: [
        'The mayor was at a conference and was not available for comment, her aide Tom Reyes said.',
        'Senator Alex Ortiz said the governor could not be reached and did not return calls.',
        'Senator Alex Ortiz said results are expected on Friday.',
        'Mayor Ana Lima said she expects a deal by Friday.',
        // In a clause of condition it is a stance on what happens then.
        'Mayor Ana Lima said the council should vote if an agreement could not be reached.',
      ],
      expected: [
        ['Tom Reyes', 'claim'],
        ['Alex Ortiz', 'claim'],
        ['Alex Ortiz', 'claim'],
        ['Ana Lima', 'position'],
        ['Ana Lima', 'condition'],
      ],
    },
    {
      reads: 'naming across an appositive and characterising with "as" as a stance',
      paragraphs: [
        'Governor Tom Reyes called Lima, his rival for the nomination, a “part-time mayor.”',
        'Senator Alex Ortiz referred to the rail budget as a giveaway.',
        'Mayor Ana Lima described the fare rise as reckless.',
      ],
      expected: [
        ['Tom Reyes', 'position'],
        ['Alex Ortiz', 'position'],
        ['Ana Lima', 'position'],
      ],
    },
    {
      reads: 'naming with a bare adjective ("called the levy unfair") as a stance, not a compound\'s first part ("calling him out in real-time")',
      paragraphs: [
        'Governor Tom Reyes called the levy unfair.',
        'Senator Alex Ortiz called Lima reckless and unqualified.',
        'Mayor Ana Lima tripped up Reyes by calling him out in real-time for his reliance on talking points.',
      ],
      expected: [
        ['Tom Reyes', 'position'],
        ['Alex Ortiz', 'position'],
      ],
    },
    {
      reads: 'characterising a gerund, and with "as" inside the quotation',
      paragraphs: [
        'Governor Tom Reyes described winning the nomination as a long series of steps.',
        'Senator Alex Ortiz described the rail budget “as a giveaway to the suburbs.”',
      ],
      expected: [
        ['Tom Reyes', 'position'],
        ['Alex Ortiz', 'position'],
      ],
    },
    {
      reads: 'characterising with a verb wink takes for a noun after a name ("Lima cast Reyes as unfit", "Reyes paints Lima as …")',
      paragraphs: [
        'Mayor Ana Lima cast Reyes as unfit for the job.',
        'Governor Tom Reyes paints Lima as a friend of the developers.',
        'The paints Lima chose for the depot, as the council noted, were cheap.',
      ],
      expected: [
        ['Ana Lima', 'position'],
        ['Tom Reyes', 'position'],
      ],
    },
  ])('reads $reads', ({ paragraphs, expected }) => {
    expect(speakersAndKinds(paragraphs)).toEqual(expected);
  });

  it('gives a verb after "and has" the sentence’s subject, not the object before "and"', () => {
    const found = extractStatements(['Mayor Ana Lima has asked the council to overrule Governor Tom Reyes and has repeatedly said the fare rise must go.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Ana Lima']);
  });

  it('gives a verb after "and" and a phrase set off by commas the sentence’s subject ("and, for the first time, said")', () => {
    const found = extractStatements(['Minister Ana Lima said the fund was within reach and, for the first time, said her government could support limits on output if they were phased in.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'claim'],
      ['Ana Lima', 'condition'],
    ]);
    expect(found[1].text).toBe('and, for the first time, said her government could support limits on output if they were phased in.');
  });

  it('reads a name after ", said" with a verb after it as the subject of what was said, not as who said it', () => {
    // A watched "Halden" before its minister keeps the "and" from finding her as the subject; the comma is left.
    const found = extractStatements(['Halden’s Environment Minister Ana Lima said the fund was within reach and, in a first, said Halden could support limits on output.'], { speakers: ['Halden'] });
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima']);
    expect(found[0].claim).toContain('halden');
  });

  it('reads what is or is not negotiable as a position', () => {
    const [statement] = extractStatements(['Mayor Ana Lima says parts of her fare proposals are negotiable.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
  });

  it('reads an indirect question as no stance, whatever modal it holds, and "asked X to" as a demand', () => {
    const found = extractStatements(['Mayor Ana Lima asked the governor how high the fares would go.', 'Mayor Ana Lima asked the governor to freeze the fares.']);
    expect(found.map((statement) => statement.kind)).toEqual(['claim', 'demand']);
  });

  it('takes "he" in the next sentence for the subject of a main clause after an opening subordinate clause', () => {
    const found = extractStatements([
      'While Governor Tom Reyes has yet to back the fare rise, his deputy, Senator Alex Ortiz, has thrown his weight behind it.',
      'And he says the governor is fine with it.',
    ]);
    expect(found.at(-1)).toMatchObject({ speaker: 'Alex Ortiz' });
  });

  it('gives "“…,” he told X" to someone other than X, the one the question before was put to', () => {
    const found = extractStatements([
      'Governor Tom Reyes spoke in Dayton on Monday.',
      'Mayor Ana Lima met him there. Lima asked Reyes how long the plant could stay open.',
      '“I think we can keep it going for two years. That is a long time,” he told Lima, to applause from the workers.',
    ]);
    expect(found.find((statement) => statement.text.startsWith('“I think'))?.speaker).toBe('Tom Reyes');
  });

  it('reads "called upon" as "called on"', () => {
    const [demand] = extractStatements(['Governor Tom Reyes called upon the utilities board to freeze prices.']);
    expect(demand).toMatchObject({ speaker: 'Tom Reyes', kind: 'demand' });
  });

  it('gives a statement to the name set off after a description ("the campaign manager, Maria Delgado, said"), not to the description', () => {
    const statements = extractStatements([
      "The senator's campaign manager, Maria Delgado, dismissed the poll as an outlier.",
      'The union’s lawyer, Dana Whitfield, said the strike would go ahead unless the fund was restored.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Maria Delgado', 'Dana Whitfield']);
  });

  it('gives a verb of saying joined to the first verb by "and" the sentence’s subject ("X met … and said …")', () => {
    const [statement] = extractStatements([
      'Governor Tom Reyes (D-Ore.) on Monday toured the flooded valley and said the state must rebuild the levees before winter.',
    ]);
    expect(statement).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition' });
    expect(statement.text).toContain('must rebuild the levees');
    // After an appositive, and after an opening adjunct too long or too quoted to skip.
    const [described] = extractStatements(['Tom Reyes, the governor of Oregon, toured the valley and said the state must rebuild the levees.']);
    expect(described).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition' });
    const [late] = extractStatements([
      'On a wet Monday afternoon on the banks of the flooded river, where farmers had been promised “a plan,” Tom Reyes toured the valley and said the state must rebuild the levees.',
    ]);
    expect(late).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition' });
  });

  it('ends a clause before the conjunction that opens the next one ("…, although he acknowledged …")', () => {
    const [first, second] = extractStatements(['Tom Reyes said the state must rebuild the levees, although he acknowledged it has no money.']);
    expect(first.text).toBe('Tom Reyes said the state must rebuild the levees');
    expect(second.text).toBe('he acknowledged it has no money');
  });

  it('shows a statement after another subject’s clause ("…, while Reyes said …") from its own subject, not as the whole sentence', () => {
    const [other] = extractStatements(['Mayor Ana Lima proposed a new depot, while Senator Tom Reyes in a radio interview said the state must pay for it.']);
    expect(other).toMatchObject({ speaker: 'Tom Reyes', text: 'Senator Tom Reyes in a radio interview said the state must pay for it' });
    const [same] = extractStatements(['Mayor Ana Lima did not name the senator, but told reporters that the state must pay for the depot.']);
    expect(same.text).toBe('Mayor Ana Lima did not name the senator, but told reporters that the state must pay for the depot.');
  });

  it('gives "but said" a "he" in a state or an act that says nothing ("He remained dismissive of …, but said …", "He went to … and said …")', () => {
    const found = extractStatements([
      'Tom Reyes met the council on Monday.',
      'He remained dismissive of the audit, but said the state must rebuild the levees before winter.',
      'He went to the depot and said the state must pay for the buses.',
      // A first verb that reports on its own keeps the sentence one statement.
      'He urged the board to act and said the state must pay for the trams.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.paragraphIndex, statement.text.slice(0, 12)])).toEqual([
      ['Tom Reyes', 1, 'He remained '],
      ['Tom Reyes', 2, 'He went to t'],
      ['Tom Reyes', 3, 'He urged the'],
    ]);
  });

  it('gives "and said" the subject of a copula and its adjective ("X was dismissive of …, but said …")', () => {
    const [statement] = extractStatements(['Tom Reyes was dismissive of the audit, but said the state must rebuild the levees before winter.']);
    expect(statement).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition' });
  });

  it('reads a speaker whose party in parentheses is followed by a description ("X (D-Md.), chair of …, said")', () => {
    // wink ends a sentence at "Md.)": no sentence opens with a comma, so the two are one.
    const [statement] = extractStatements(['Rep. Dana Whitfield (D-Md.), chair of the budget committee, said the freeze would hurt rural schools.']);
    expect(statement?.speaker).toBe('Dana Whitfield');
  });

  it('skips a "whose" clause with commas of its own between the speaker and the verb', () => {
    const [statement] = extractStatements(['Ms. Dana Whitfield, whose new firm, Brightline, audits rail contracts, said Mr. Okafor rigged the tender.']);
    expect(statement?.speaker).toBe('Dana Whitfield');
    // An honorific is no term of the claim, with its period or without.
    expect(statement?.claim.split(' ')).toEqual(expect.arrayContaining(['okafor', 'tender']));
    expect(statement?.claim.split(' ')).not.toContain('mr.');
  });

  it('skips a participle clause set off by commas, place names and all, and a party in parentheses before a clause', () => {
    const [rally] = extractStatements(['Ortiz, speaking at a rally in Dayton, Ohio, warned that the plan would close the plant.']);
    expect(rally?.speaker).toBe('Ortiz');
    const [party] = extractStatements(['Sen. Dana Whitfield (D-Ore.), who wrote the bill, said the tender must be rerun.']);
    expect(party?.speaker).toBe('Dana Whitfield');
  });

  it('reads "X said Y asked for …" as what X said, not as a second statement by Y', () => {
    const statements = extractStatements(['Union spokesman Michael Okafor said the ministry asked for a delay of the ballot until the spring.']);
    expect(statements.map((statement) => statement.speaker)).toEqual(['Michael Okafor']);
  });

  it('takes a role with its modifiers across a place name ("former Ohio governor X said") for a trailing speaker', () => {
    const [statement] = extractStatements(['“Our partners no longer trust us, and our rivals no longer fear us,” former Ohio governor Tom Reyes said.']);
    expect(statement?.speaker).toBe('Tom Reyes');
  });

  it('reads a participle of saying joined by "and" to a participial phrase (", praising … and suggesting that …")', () => {
    const found = extractStatements([
      'Governor Tom Reyes toured the plant on Monday, praising its workers and suggesting that the state would cut its subsidy unless it hired locally.',
    ]);
    // Praising is a stance of its own, hanging on the same clause.
    expect(found.map((statement) => [statement.speaker, statement.kind, statement.text])).toEqual([
      ['Tom Reyes', 'position', 'praising its workers'],
      ['Tom Reyes', 'condition', 'suggesting that the state would cut its subsidy unless it hired locally'],
    ]);
  });

  it('reads a verb that takes a clause before a clause without "that" ("insists the party must …"), not before "on"', () => {
    const [clause] = extractStatements(['Senator Alex Ortiz, a budget hawk, insists the state must cut fares.']);
    expect(clause).toMatchObject({ speaker: 'Alex Ortiz', kind: 'condition' });
    // What he insists on, not the description of him.
    expect(clause.claim.split(' ').sort()).toEqual(['cut', 'fare']);
  });

  it('reads a trailing speaker with words describing them before the name (", a smiling X said", ", his wife, X, wrote")', () => {
    const [smiling] = extractStatements(['“We will not sign this deal before the summer,” a smiling Tom Reyes said.']);
    expect(smiling).toMatchObject({ speaker: 'Tom Reyes', polarity: 'negative' });
    const [letter] = extractStatements(['“We cannot pay the rent unless the fund is restored,” his wife, Maria Delgado, wrote in a letter to the court.']);
    expect(letter).toMatchObject({ speaker: 'Maria Delgado', kind: 'condition' });
  });

  it('reads a trailing attribution whose verb takes a date ("…, Lima insisted on Tuesday.")', () => {
    const found = extractStatements(['The depot must stay open, Mayor Ana Lima insisted on Tuesday.', 'Senator Tom Reyes insisted on a vote before May.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'condition'],
      ['Tom Reyes', 'demand'],
    ]);
  });

  it('keeps the speaker of a quotation that runs on into the next paragraph', () => {
    const statements = extractStatements([
      '“There are lots of questions regarding the peace treaty,” Putin told reporters.',
      '“We also need to look at what commitments Japan has towards its partners in the areas of defense and security.”',
    ]);
    expect(only(containing(statements, 'We also need to look'))).toMatchObject({ speaker: 'Putin', kind: 'condition' });
  });

  it('splits a sentence with two speakers into one statement each', () => {
    const statements = extractStatements([
      'Foreign Minister Toshimitsu Motegi met Foreign Minister Sergey Lavrov in Moscow.',
      'Motegi said he called on Russia to release the boats and their crews, while Lavrov urged Japan to comply with a bilateral agreement on fishing.',
    ]);
    expect(statements.map(({ speaker, kind }) => ({ speaker, kind }))).toEqual([
      { speaker: 'Toshimitsu Motegi', kind: 'demand' },
      { speaker: 'Sergey Lavrov', kind: 'demand' },
    ]);
    expect(statements[0].text).toContain('release the boats');
    expect(statements[1].text).toContain('comply with a bilateral agreement');
  });

  it('finds a speaker the name finder misses, named before a ", who …," clause', () => {
    const [statement] = extractStatements([
      'Toshimitsu Motegi, who is visiting Russia for the first time, said Japan will not hand over the islands.',
    ]);
    expect(statement).toMatchObject({ speaker: 'Toshimitsu Motegi', kind: 'refusal', polarity: 'negative' });
  });

  it('names a speaker the article gives only by surname from the caller’s speakers', () => {
    const [statement] = extractStatements(['The union insists on guaranteed flying volumes for the Oslo base, Lund said after the meeting.'], {
      speakers: ['Kari Lund'],
    });
    expect(statement).toMatchObject({ speaker: 'Kari Lund', kind: 'demand' });
  });

  it('keeps an unattributed sentence only when it states a condition outright, with speaker null', () => {
    const statements = extractStatements([
      'Talks will not resume unless the airline restores the pay cut.',
      'Tangible progress on the projects is expected as soon as possible.',
    ]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ speaker: null, kind: 'condition' });
  });

  it('ignores a source cited after a statement ("…, Kommersant reported") as a second speaker', () => {
    const statements = extractStatements([
      'Russian President Vladimir Putin said Japan would first have to withdraw from its security pact, Russia’s Kommersant reported Friday.',
    ], { synonyms });
    expect(statements.map((statement) => statement.speaker)).toEqual(['Vladimir Putin']);
    expect(statements[0].claim).toBe('alliance japan withdraw');
  });

  it('gives a sentence whose opening verb of saying is negated or under a modal to the attribution that ends it', () => {
    const statements = extractStatements([
      'The port authority did not object when the terminal reopened last spring, a state official said.',
      'Mayor Hale cannot say that “the levy is dead,” Councillor Ines Brook added.',
      'Mayor Hale will tell the council that the levy must rise, aides said.',
      'Mayor Hale said the levy must rise, the Gazette reported.',
      // A trailing attribution under a modal is still an attribution: the excerpts only cite where the words come from.
      '“No one is ready for the job on day one,” Mayor Hale will say, according to excerpts released by the city.',
    ]);
    expect(statements.map((statement) => statement.speaker)).toEqual(['state official', 'Ines Brook', 'aides', 'Hale', 'Hale']);
    expect(statements[0].text).toBe('The port authority did not object when the terminal reopened last spring, a state official said.');
  });
});

describe('kinds, polarity and claims', () => {
  it('takes no stance from a question the writer asks ("Does the union want a strike?"), but keeps a quoted one', () => {
    expect(extractStatements(['Ana Lima met the council.', 'Does the union want a strike?', 'What do the drivers want?'])).toEqual([]);
    const [quoted] = extractStatements(['“Why should we wait for the council?” Mayor Ana Lima asked.']);
    expect(quoted).toMatchObject({ speaker: 'Ana Lima' });
  });

  it('reads "let us" opening a clause as a proposal (a demand), but not "let us down" nor a turn of speech', () => {
    const kinds = (sentence: string) => extractStatements([sentence]).map((statement) => statement.kind);
    expect(kinds('“Then let us make the rules equally strong everywhere,” Ana Lima said.')).toEqual(['demand']);
    expect(kinds('“Let’s meet the drivers before Friday,” Ana Lima said.')).toEqual(['demand']);
    expect(kinds('“They let us down on the fares,” Ana Lima said.')).not.toContain('demand');
    expect(kinds('“Let’s see what the council does with the fares,” Ana Lima said.')).not.toContain('demand');
  });

  it('reads a schedule as a claim, whatever its modal: "said the talks would open on March 10", "would hold a first hearing on March 20"', () => {
    const kinds = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => statement.kind);
    expect(kinds([
      'The transport ministry said the talks would open on March 10.',
      'Spokeswoman Ada Tran said the results would be shared with the board at its March 18 meeting.',
      'Spokesman Paul Brennan said the next update will come after the March 12 session.',
      // Whoever holds it, a meeting dated is a schedule.
      'The pricing board said its appraisal committee would hold a first hearing on the drug on March 20.',
      'Ana Lima said she would begin with separate meetings with Tom Reyes before the end of the week.',
      // wink tags "first" here as an adverb.
      'Tom Reyes met the two delegations on Monday and will hold a first joint session on April 2, his office said.',
      // A meeting dated after "and", a consultation dated ("until June 11", a span wink dates by its month).
      'The commission will take written comments until April 18 and hold a public hearing on April 9, Chair Ana Lima said.',
      'The Halden authority said it would consult customers and competitors on the proposal until June 11.',
    ])).toEqual(['claim', 'claim', 'claim', 'claim', 'claim', 'claim', 'claim', 'claim']);
    // People or a body who would act, or a thing that would stay as it is, take a stance; so does a deadline set.
    expect(kinds([
      'The union said members would walk out on June 9.',
      'Mayor Ana Lima said the clinic would stay open until March.',
      'Mayor Ana Lima said the council would open talks on Monday.',
      'The Halden agency said it would convene the first meeting of the fund’s board within six months.',
    ])).not.toContain('claim');
  });

  it('reads a body that says "it" welcomed or regretted something as taking that stance', () => {
    const kinds = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => [statement.speaker, statement.kind]);
    expect(kinds(['The ministry said it welcomed the decision.', 'The union said it regretted the vote.', 'The ministry deplored the attack.'])).toEqual([
      ['ministry', 'position'],
      ['union', 'position'],
      ['ministry', 'position'],
    ]);
  });

  it('reads a clause that judges its subject by an adjective of sentiment ("said the tax was unfair") or an excess ("too easy") as a position, not a feeling or a description', () => {
    const kinds = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => statement.kind);
    expect(kinds([
      'Mayor Ana Lima said the tax was unfair.',
      'Lima said the governor’s budget is dishonest.',
      'Lima said the deal was good for the city.',
      'Lima said the state had made it too easy to close a depot.',
      // Judged by law or by measure, words wink gives no sentiment.
      'Lima said the toll was unlawful.',
      'Lima said the new levy was unjustified.',
      // What the subject has, judged.
      'Lima said the drivers have a legitimate grievance.',
      'Lima said the union has a fair point on the night routes.',
    ])).toEqual(['position', 'position', 'position', 'position', 'position', 'position', 'position', 'position']);
    expect(kinds([
      'Lima said the buses were late on Monday.',
      'Lima said she was very pleased with the turnout.',
      // An opinion held, as a poll reports it.
      'Lima said most drivers have a favorable view of the union.',
    ])).toEqual(['claim', 'claim', 'claim']);
  });

  it('reads a quotation that tells what someone did, all in the past, as a claim, and one that judges as a position', () => {
    const kinds = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => statement.kind);
    expect(kinds([
      '“I held and hugged” the families before laying flowers at the depot, Mayor Ana Lima said.',
      '“I sat on the transit committee for three years and we wrote 40 reports,” Lima said.',
    ])).toEqual(['claim', 'claim']);
    expect(kinds([
      '“We made a terrible mistake when we sold the depot,” Lima said.',
      '“The depot was the heart of the town,” Lima said.',
      '“We sold the depot and we will buy it back,” Lima said.',
    ])).toEqual(['position', 'position', 'position']);
  });

  it('reads a denial of what happened ("had detained none", "found no violations") as a claim, and a denial that takes a stance as a position', () => {
    const kinds = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => [statement.kind, statement.polarity]);
    expect(kinds([
      'The ministry said it had escorted two trawlers out of the zone and had detained none.',
      'Inspectors boarded nine boats and found no violations, the port authority said.',
      'Mayor Ana Lima said the county had never paid for the pumps.',
      'Lima said the council did not receive the letter until Friday.',
    ])).toEqual([['claim', 'negative'], ['claim', 'negative'], ['claim', 'negative'], ['claim', 'negative']]);
    expect(kinds([
      'Lima said the council did not support the plan.',
      'Lima said the levy was not fair.',
      'Lima said she had no intention of resigning.',
      'Lima said the council would not pay for the pumps.',
      'Lima said she saw no reason to wait.',
      'Lima said she never doubted the plan.',
    ])).toEqual([['position', 'negative'], ['position', 'negative'], ['refusal', 'negative'], ['refusal', 'negative'], ['position', 'negative'], ['position', 'negative']]);
  });

  it('reads an obligation on another party as a condition, and one the speaker takes on ("we have to …") as a position', () => {
    const found = extractStatements([
      'Mayor Ana Lima said the state would first have to fund the buses.',
      '“We have to be a lot tougher with the state,” Lima said.',
      '“We must keep the night buses running,” Lima added.',
      'Lima said the council must vote on the levy first.',
    ]);
    expect(found.map((statement) => statement.kind)).toEqual(['condition', 'position', 'position', 'condition']);
  });

  it('reads a participle that modifies a noun ("Reyes’s proposed credit", "generally accepted rules") as no stance cue of the clause', () => {
    const found = extractStatements([
      'Senator Rand Holt then interjected, calling Reyes’s proposed child care credit “a welfare transfer payment.”',
      'Holt said the utility was still losing money under generally accepted accounting rules.',
      'Holt also offered ideas for cutting the levy.',
      'Holt has said his proposed bridge might be 40 feet high.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Rand Holt', 'position'],
      ['Rand Holt', 'claim'],
      ['Rand Holt', 'offer'],
      ['Rand Holt', 'position'],
    ]);
  });

  it('reads an accusation as a claim about the accused, whatever cues its content holds', () => {
    const [accused, blamed] = extractStatements([
      'Mayor Ana Lima accused the council of refusing to fund the buses unless the state pays.',
      'Mayor Ana Lima blamed the council for the offer it withdrew in May.',
    ]);
    expect(accused).toMatchObject({ speaker: 'Ana Lima', kind: 'claim' });
    expect(blamed).toMatchObject({ speaker: 'Ana Lima', kind: 'claim' });
  });

  it('takes "according to" after a trailing attribution for where the words were reported: the quotation goes on with the speaker', () => {
    const found = extractStatements([
      '“They don’t care about politics,” Mayor Ana Lima said of the families, according to the council. “Neither do I. This debate needs to change.”',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima']);
  });

  it('reads an attribution inside a parenthesis as reporting the parenthesis only', () => {
    const [cited] = extractStatements(['Ana Lima cites her followers for her claim that the levy will double (the rise will not top 15 percent, according to the Halden Post).']);
    expect([cited.speaker, cited.claim]).toEqual(['Halden Post', '15 not percent rise']);
    // A parenthesis closed before the attribution is part of what it reports.
    const closed = ['The levy (now 3 percent) will double next year, Ana Lima said.', 'The levy will double next year (from 3 percent), Tom Reyes said.'];
    expect(closed.flatMap((sentence) => extractStatements([sentence])).map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
    // "She did not care if her ratings (as low as 19 percent, Reyes says) hurt her husband": narration around a figure.
    expect(extractStatements(['She did not care about the criticism but cared if her ratings (at one point as low as 19 percent, Reyes says) hurt her husband.'])).toEqual([]);
  });

  it('gives "according to a statement from X" to X, who issued it', () => {
    const speakers = extractStatements(['According to a statement from the union, the strike will continue.', 'The depot must close, according to a letter from Mayor Ana Lima.']);
    expect(speakers.map((statement) => statement.speaker)).toEqual(['union', 'Ana Lima']);
  });

  it('keeps "according to" out of a claim, and the noun "accord" in as an agreement', () => {
    const [measure] = extractStatements(['Mayor Ana Lima said fares should be set according to how full the buses are.']);
    expect(measure.claim).toBe('bus fare set');
    const [accord] = extractStatements(['Mayor Ana Lima said the city would sign the accord.']);
    expect(accord.claim).toBe('city conclude treaty');
  });

  it('reads accepting terms and agreeing to them as a position', () => {
    const found = extractStatements([
      'The city has accepted a 3 percent fare rise, Mayor Ana Lima said.',
      'Lima also agreed that every bus would carry a conductor.',
      'Lima said she would not accept the offer.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'position'],
      ['Ana Lima', 'position'],
      ['Ana Lima', 'refusal'],
    ]);
  });

  it('reads a reported clause whose pronoun subject takes a stance by its verb ("said he backs …") as a position, and another subject’s act as a claim', () => {
    const found = extractStatements([
      'Mayor Ana Lima said she backs the fare freeze.',
      'Governor Tom Reyes said he welcomed the ruling.',
      'Governor Tom Reyes said the strikers attacked the bus depot on Monday.',
      'Governor Tom Reyes said he backed out of the talks on Monday.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'position'],
      ['Tom Reyes', 'position'],
      ['Tom Reyes', 'claim'],
      ['Tom Reyes', 'claim'],
    ]);
  });

  it('never takes an organisation, named in full or by its first word, for a "she" or a "he"', () => {
    const found = extractStatements([
      'Mayor Ana Lima met the Halvern Transit Authority on Monday.',
      'Halvern said it had agreed that buses would run at night.',
      '“I still ride the night bus,” she said.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Halvern', 'Ana Lima']);
    // A surname the name finder knows stays a person's beside the foundation named after her.
    const clinton = extractStatements(['The Clinton Foundation gave $2 million.', 'Clinton said the city would never pay.', '“Not one cent,” she said.']);
    expect(clinton.map((statement) => statement.speaker)).toEqual(['Clinton', 'Clinton']);
  });

  it('reads calling a proposal a non-starter, dead on arrival or out of the question as a refusal', () => {
    const found = extractStatements([
      'Mayor Ana Lima said the levy was a non-starter.',
      'Councillor Tom Reyes said the fare plan was dead on arrival.',
      'Councillor Eva Dahl said a new contract was out of the question.',
    ]);
    expect(found.map((statement) => statement.kind)).toEqual(['refusal', 'refusal', 'refusal']);
  });

  it('reads "nothing less than" and "nothing short of" as asserting, not denying', () => {
    const [least] = extractStatements(['Union leader Tom Reyes said the union would accept nothing less than a 9 percent raise.']);
    expect(least.polarity).toBe('positive');
    expect(least.claim).not.toContain('not');
    const [short] = extractStatements(['Mayor Ana Lima called the ruling nothing short of an attack on the city.']);
    expect(short.polarity).toBe('positive');
  });

  it('reads terms settled with the other side ("announced that it has reached a provisional agreement") as a position', () => {
    const [statement] = extractStatements(['The Brea Transit Authority announced that it has reached a provisional agreement with the drivers on pay.']);
    expect(statement).toMatchObject({ speaker: 'Brea Transit Authority', kind: 'position' });
  });

  it('reads what a speaker claims, implies, concedes or alleges as their position, and what they only say happened as a claim', () => {
    const found = extractStatements([
      'Mayor Ana Lima claimed that the council had wasted the transit fund.',
      'Councillor Tom Reyes implied that the mayor had misled the voters.',
      'Mayor Ana Lima said that the council met on Monday.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'position'],
      ['Tom Reyes', 'position'],
      ['Ana Lima', 'claim'],
    ]);
  });

  it('reads affirming or reaffirming something as a position ("affirmed her support for the fare freeze")', () => {
    const found = extractStatements(['Mayor Ana Lima affirmed her support for the fare freeze.', 'Senator Tom Reyes is reaffirming that the levy will go.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'position'],
      ['Tom Reyes', 'position'],
    ]);
  });

  it('keeps a said clause of four words with a finite verb as a claim ("the depot was closed"), not one of three', () => {
    const found = extractStatements(['Mayor Ana Lima said the depot was closed.', 'Mayor Ana Lima said she met Reyes.']);
    expect(found.map((statement) => [statement.text, statement.kind])).toEqual([['Mayor Ana Lima said the depot was closed.', 'claim']]);
  });

  it('reads a past that did not happen ("would have been treated") as a claim, and "would have to" and "would have the power" as stances', () => {
    const found = extractStatements([
      'Mayor Ana Lima said protesters would have been treated more harshly.',
      'Mayor Ana Lima said the state would have to pay for the buses.',
      'Mayor Ana Lima said the council would have the power to cut fares.',
      'Mayor Ana Lima said a smaller depot could have cost twice as much.',
      'Mayor Ana Lima said the depot would have opened in June if the state had paid for it.',
      'Mayor Ana Lima said the depot would open in June if the state paid for it.',
    ]);
    expect(found.map((statement) => statement.kind)).toEqual(['claim', 'condition', 'position', 'claim', 'claim', 'condition']);
  });

  it('reads the "if" clause of a past that did not happen as no request ("if she had asked the governor to …")', () => {
    const found = extractStatements([
      'Mayor Ana Lima said that if she had asked the governor to give up the depot, he would have done so.',
      'Mayor Ana Lima said that if the council asks the state to pay, the state will pay for the buses.',
    ]);
    expect(found.map((statement) => statement.kind)).toEqual(['claim', 'condition']);
  });

  it('reads a modal\'s word as a noun ("in May", "the will of the riders") as no stance', () => {
    const found = extractStatements([
      'Mayor Ana Lima said the depot opened in May.',
      'Mayor Ana Lima said the vote showed the will of the riders.',
      'Mayor Ana Lima said the depot may open in June.',
    ]);
    expect(found.map((statement) => statement.kind)).toEqual(['claim', 'claim', 'position']);
  });

  it('reads "recommends that" as what others should do', () => {
    const [statement] = extractStatements(['Mayor Ana Lima is recommending that the council approve the fare freeze.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'demand' });
  });

  it('reads what it is time for someone to do as a demand ("it was time for the council to act"), not "the first time"', () => {
    const kinds = extractStatements([
      'Mayor Ana Lima said it was time for the council to approve the fare freeze.',
      '“It is high time to end this strike,” Councillor Ivo Pelt said.',
      'Councillor Ola Berg said it was the first time the council had met.',
    ]).map((statement) => statement.kind);
    expect(kinds).toEqual(['demand', 'demand', 'claim']);
  });

  it('reads terms put on what another party does ("if the union agrees") as a condition, and wanting another party to act as a demand', () => {
    const kinds = (sentence: string) => extractStatements([sentence])[0]?.kind;
    expect(kinds('Mayor Ana Lima said the city could extend the fare freeze if the state agrees to pay half.')).toBe('condition');
    expect(kinds('Mayor Ana Lima said the city wants the state to pay half of the cost.')).toBe('demand');
    expect(kinds('Mayor Ana Lima said the ministry expects the state to pay half of the cost.')).toBe('demand');
    // Not a wish of one's own, a forecast, an indirect question or a manner.
    expect(kinds('Mayor Ana Lima said the city wants to extend the fare freeze.')).toBe('position');
    expect(kinds('Mayor Ana Lima said the city expected most of the buses to be back by May.')).toBe('position');
    expect(kinds('Mayor Ana Lima asked if the state would pay half of the cost.')).toBe('claim');
    expect(kinds('Mayor Ana Lima said the talks felt as if they would never end.')).toBe('position');
  });

  it('reads "no longer insists on" as a withdrawn condition with negative polarity', () => {
    const [statement] = extractStatements(['The union no longer insists on guaranteed volumes, union leader Kari Lund said on Tuesday.']);
    expect(statement).toMatchObject({ speaker: 'Kari Lund', role: 'union leader', kind: 'condition', polarity: 'negative', withdrawn: true });
    expect(statement.claim).toBe('guarantee not volume');
  });

  it('reads a stance to be given up on a condition ("would call off the strike if …") as an offer still open, not withdrawn', () => {
    const [offered] = extractStatements(['Union leader Kari Lund said the union would call off the strike if the airline restored the bonus.']);
    expect(offered).toMatchObject({ speaker: 'Kari Lund', kind: 'condition', polarity: 'positive' });
    expect(offered.withdrawn).toBeUndefined();
    const [done] = extractStatements(['Union leader Kari Lund said the union had called off the strike.']);
    expect(done).toMatchObject({ kind: 'condition', polarity: 'negative', withdrawn: true });
  });

  it('reads support taken back ("withdrew her backing for …") as opposing, and not troops pulled back', () => {
    const read = (sentence: string) => extractStatements([sentence]).map((statement) => [statement.polarity, statement.claim]);
    expect(read('Senator Ana Lima withdrew her backing for the levy.')).toEqual([['negative', 'levy not support withdraw']]);
    // "back" here is a particle of "pull … back", not "backing".
    expect(read('Governor Ana Lima agreed to pull her troops back from the border.')).toEqual([['positive', 'border pull troop']]);
    // A time adjunct between the verb and the rest of its idiom ("agreed on Saturday to …").
    expect(read('Governor Ana Lima agreed on Saturday to pull her troops back from the border.')).toEqual([['positive', 'border pull troop']]);
  });

  it('reads "dropped its demand", "withdrew his offer" and "called the strike off" as giving up a stance, but not "called on"', () => {
    const found = extractStatements([
      'Gov. Marco Aldana dropped his demand that the city first pay the farmers.',
      'Union leader Kari Lund withdrew her offer to accept lower summer pay.',
      'Union leader Kari Lund called the strike off on Friday.',
      'Union leader Kari Lund called off the boycott after the vote.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind, Boolean(statement.withdrawn)])).toEqual([
      ['Marco Aldana', 'condition', true],
      ['Kari Lund', 'condition', true],
      ['Kari Lund', 'condition', true],
      ['Kari Lund', 'condition', true],
    ]);
    expect(extractStatements(['Union leader Kari Lund called on the city to pay.'])[0]).toMatchObject({ kind: 'demand' });
    expect(extractStatements(['Union leader Kari Lund dropped her bag and left.'])).toEqual([]);
    // A plan given up, with or without its owner named ("shelved plans to …").
    const plans = extractStatements(['Gov. Marco Aldana shelved plans to change the water law.', 'Union leader Kari Lund scrapped her plan to picket the depot.']);
    expect(plans.map((statement) => [statement.speaker, statement.withdrawn])).toEqual([
      ['Marco Aldana', true],
      ['Kari Lund', true],
    ]);
    // What the other side must drop is a condition on them, not a withdrawal.
    const [onThem] = extractStatements(['Gov. Marco Aldana said the union must first drop its demand for a raise.']);
    expect(onThem).toMatchObject({ kind: 'condition', polarity: 'positive' });
    expect(onThem.withdrawn).toBeUndefined();
    const [urged] = extractStatements(['Gov. Marco Aldana urged the union to drop its demand for a raise.']);
    expect(urged).toMatchObject({ kind: 'demand', polarity: 'positive' });
  });

  it('reads a deadline moved as an ultimatum set again ("extended her deadline for the union to Friday")', () => {
    const read = (sentence: string) => extractStatements([sentence]).map((statement) => [statement.speaker, statement.kind]);
    expect(read('Mayor Ana Lima extended her deadline for the union to Friday.')).toEqual([['Ana Lima', 'demand']]);
    expect(read('Mayor Ana Lima on Monday pushed back her deadline for a deal by two months.')).toEqual([['Ana Lima', 'demand']]);
    // A deadline someone else keeps is no stance of hers.
    expect(read('Mayor Ana Lima missed the deadline for the grant.')).toEqual([]);
  });

  it('reads a deadline given up, by a body’s own vote too, as a withdrawn condition ("voted to withdraw the April 15 deadline")', () => {
    const found = extractStatements([
      'Union leader Kari Lund said the executive board had voted to withdraw the April 15 deadline.',
      'The union dropped its Friday ultimatum, Kari Lund said.',
      // A time between the vote and what it gives up.
      'Councillor Ola Berg said the council voted Monday night to withdraw its demand for a rail audit.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind, Boolean(statement.withdrawn)])).toEqual([
      ['Kari Lund', 'condition', true],
      ['Kari Lund', 'condition', true],
      ['Ola Berg', 'condition', true],
    ]);
  });

  it('reads "X no longer insists that …" as X withdrawing a condition, with a trailing citation of his office', () => {
    const [statement] = extractStatements(['Gov. Marco Aldana no longer insists that the city suspend the works before a deal is signed, his office said.']);
    expect(statement).toMatchObject({ speaker: 'Marco Aldana', kind: 'condition', polarity: 'negative', withdrawn: true });
  });

  it('leaves a party named as the subject ("the union", "the airline") out of the claim, as it leaves out the speaker', () => {
    const [union] = extractStatements(['The union insists on guaranteed flying volumes for the Oslo base, Lund said after the meeting.']);
    expect(union.claim).toBe('base fly guarantee oslo volume');
    const [pilots] = extractStatements(['Lund said pilots will strike unless the airline guarantees flying volumes.']);
    expect(pilots.claim.split(' ')).toContain('airline'); // the other side, named as the one to act, stays
  });

  it('does not take a preface ("I want to say that there are lots of questions") for a position', () => {
    const statements = extractStatements(['“I want to say that here there are lots of questions regarding the peace treaty,” Putin told reporters.']);
    expect(statements).toEqual([]);
    const [stated] = extractStatements(['“I want to say that Russia will never give up the islands,” Putin told reporters.']);
    expect(stated).toMatchObject({ speaker: 'Putin', kind: 'position', polarity: 'negative' });
  });

  it('does not take a quoted question for a position, unless a cue in it takes one', () => {
    const [asked] = extractStatements(['Councillor Tom Reyes laughed. “You have heard that one before, huh?” he replied.']).filter((found) => found.speaker === 'Tom Reyes');
    expect(asked?.kind).not.toBe('position');
    const [stance] = extractStatements(['“Why should we wait for the company any longer?” Councillor Tom Reyes asked.']);
    expect(stance).toMatchObject({ speaker: 'Tom Reyes', kind: 'position' });
  });

  it('reads what the speaker will do if the other side does not act as a condition', () => {
    const [statement] = extractStatements(['Union leader Kari Lund said the pilots are prepared for a long strike if the airline does not restore the bonus.']);
    expect(statement).toMatchObject({ speaker: 'Kari Lund', kind: 'condition', polarity: 'positive' });
  });

  it('marks a clause opening "that is to say" or "in other words" as a restatement', () => {
    const [marked] = extractStatements(['“In other words, some things will take a long time,” Putin said.']);
    expect(marked.restates).toBe(true);
    const [plain] = extractStatements(['“Some things will take a long time,” Putin said.']);
    expect(plain.restates).toBeUndefined();
  });

  it('gives each statement the same speaker’s earlier statements in the article, and no one else’s', () => {
    const statements = extractStatements([
      'Lund said pilots will strike unless the airline guarantees flying volumes.',
      'Berg said the airline rules out any guarantee of volumes.',
      '“We will not accept flights being outsourced to foreign crews,” Lund told reporters.',
    ]);
    expect(statements.map((statement) => statement.earlierInArticle?.map((earlier) => earlier.text) ?? [])).toEqual([
      [],
      [],
      ['Lund said pilots will strike unless the airline guarantees flying volumes.'],
    ]);
  });

  it.each([
    ['refusal', 'Berg said the airline rules out any guarantee of volumes.'],
    ['demand', 'Lavrov urged Japan to comply with the agreement on fishing.'],
    ['offer', 'Putin said Russia is ready to extend the New START treaty.'],
    ['concern', 'Putin said the alliance continues to pose a threat to Russia.'],
    ['condition', 'Lund said pilots will strike unless the airline guarantees flying volumes.'],
    ['condition', 'Putin said talks cannot resume until Japan lifts its sanctions, and not until then.'],
    ['position', 'Putin said he wants to conclude a peace treaty with Japan.'],
    ['condition', 'Senator Alex Ortiz said his support would depend on what the bill includes.'],
    ['condition', 'Union leader Kari Lund said there would be no deal without a pay rise.'],
    ['condition', 'Without a pay rise, there will be no deal, union leader Kari Lund said.'],
    ['condition', 'Senator Alex Ortiz said any deal would hinge on a ceasefire.'],
    ['offer', 'Union leader Kari Lund said the pilots were prepared to return to the table.'],
    // What will not happen until the other side acts; not a date ("would not decide until May").
    ['condition', 'Mayor Ana Lima said the city would not sign a new lease until the rail company paid its debt.'],
    ['refusal', 'Mayor Ana Lima said the city would not decide on the lease until May.'],
    // Refusals without "will not": what cannot be supported, is not negotiable, gets not a cent.
    ['refusal', 'Governor Tom Reyes said he cannot currently support the rail deal.'],
    ['refusal', 'Governor Tom Reyes said he has no intention of signing the rail deal.'],
    ['refusal', 'Governor Tom Reyes said the depot was not negotiable.'],
    ['refusal', 'Governor Tom Reyes said there would be “not one cent” for the rail deal.'],
    // Not ready for it yet is a refusal, not an offer; urging others to reject something is a demand.
    ['refusal', 'Governor Tom Reyes said he was not ready to endorse the rail deal.'],
    ['refusal', 'Governor Tom Reyes said the city was not yet willing to sign.'],
    ['demand', 'Governor Tom Reyes called on voters to reject the rail deal.'],
  ])('classifies a %s: %s', (kind, sentence) => {
    expect(only(extractStatements([sentence])).kind).toBe(kind);
  });

  it('does not read a noun "demands" as a demand', () => {
    const [statement] = extractStatements(['Nordic Air chief executive Ole Berg said the demands would make the airline uncompetitive.']);
    expect(statement).toMatchObject({ speaker: 'Ole Berg', role: 'Nordic Air chief executive', kind: 'position' });
  });

  it('folds synonyms, phrases and numbers, and keeps neither the speaker, the reporting verb nor the date in the claim', () => {
    const [withdraw] = extractStatements(['Putin said on Friday that Japan would first have to back out of its security pact with the United States.'], { synonyms });
    expect(withdraw.claim).toBe('alliance japan us withdraw');
    const [islands] = extractStatements(['Putin said Russia will not hand five islands to Tokyo.'], { synonyms });
    expect(islands.claim).toBe('5 hand island japan not russia');
  });

  it('folds a story’s own vocabulary only when the watch gives it: the rules hold the language, not the topic', () => {
    const sentence = 'Putin said Russia will not hand five islands to Tokyo under any security pact.';
    expect(extractStatements([sentence])[0].claim).toBe('5 hand island not russia security tokyo treaty');
    expect(extractStatements([sentence], { synonyms: { tokyo: 'japan', 'security pact': 'alliance' } })[0].claim).toBe('5 alliance hand island japan not russia');
  });

  it('says a standfirst that the article repeats only once', () => {
    const sentence = 'Japan would have to back out of its security pact with the U.S., Putin reportedly said.';
    expect(extractStatements([sentence, sentence])).toHaveLength(1);
  });
});

describe('extractStatements on the labour storyline (a union and an airline)', () => {
  const labour = loadStoryline(LABOUR_DIR);

  it('finds the union’s conditions and demands and the airline’s answers, and nothing in the background', () => {
    const found = labour.flatMap((article) =>
      extractStatements(article.paragraphs).map(({ speaker, kind, withdrawn }) => ({ date: article.publishedAt, speaker, kind, withdrawn })),
    );
    expect(found).toEqual([
      { date: '2024-02-01', speaker: 'Kari Lund', kind: 'condition', withdrawn: undefined },
      { date: '2024-02-01', speaker: 'Kari Lund', kind: 'refusal', withdrawn: undefined },
      { date: '2024-02-01', speaker: 'Ole Berg', kind: 'position', withdrawn: undefined },
      { date: '2024-02-15', speaker: 'Lund', kind: 'demand', withdrawn: undefined },
      { date: '2024-02-15', speaker: 'Berg', kind: 'refusal', withdrawn: undefined },
      // "The mediator declined to comment.": a source's no-comment, a claim and no stance.
      { date: '2024-02-15', speaker: 'mediator', kind: 'claim', withdrawn: undefined },
      { date: '2024-03-01', speaker: 'Kari Lund', kind: 'demand', withdrawn: undefined },
      { date: '2024-03-01', speaker: 'Berg', kind: 'concern', withdrawn: undefined },
      { date: '2024-03-20', speaker: 'Lund', kind: 'condition', withdrawn: true },
      { date: '2024-03-20', speaker: 'Berg', kind: 'condition', withdrawn: undefined },
    ]);
  });
});

describe('attribution of quotations, transcripts and participles', () => {
  it('gives "she said" to the woman just named rather than to a speaker whose name marks no gender', () => {
    const found = extractStatements([
      'Utility spokesman Nick Farrow told reporters that the accounts were examined every year.',
      'Maureen Lund, 71, a pensioner from Eastvale, told councillors she relied on the rebate. “Without it I don’t know what I’d give up. I already don’t use the heater,” she said.',
    ]);
    expect(found.find((statement) => statement.text.includes('heater'))?.speaker).toBe('Maureen Lund');
  });

  it('goes on with an unnamed source’s quotation in the next sentence, not with the person named before', () => {
    const found = extractStatements([
      'Mayor Ana Ruiz said the city would not raise fares this year.',
      '“We will not sign this deal unless the fund is restored,” said one senior council official. “The board must first publish its accounts.”',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Ruiz', 'senior council official']);
    expect(found[1].text).toContain('publish its accounts');
  });

  it('gives ", saying …" to a subject described by a title, not to the name its verb takes as object', () => {
    const found = extractStatements([
      'Mayor Ana Lima met the ministers on Monday.',
      'The mayor has praised Tom Reyes, saying the levy must be cut before the vote.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima']);
  });

  it('reads "is seeking 6 percent, saying …" as the stance the participle explains', () => {
    const found = extractStatements([
      'Tom Reyes is seeking raises of 6 percent a year, saying his members earn less than their peers.',
      'The union is seeking raises of 6 percent a year, saying its members earn less than their peers.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Tom Reyes', 'position'],
      ['union', 'position'],
    ]);
  });

  it('reads the main clause after "If …, he said, …" as what he said', () => {
    const [statement] = extractStatements(['Paul Dravecky runs the utility.', 'If the fees go, he said, the utility could bring its rate rise down to 12 per cent.']);
    expect(statement).toMatchObject({ speaker: 'Paul Dravecky', kind: 'condition' });
    expect(statement.claim).toContain('rise');
  });

  it('reads a clause whose subject an attribution follows as what was said, however short ("The deal, she said, was dead")', () => {
    const found = extractStatements(['Mayor Ana Lima met the council on Monday.', 'The deal, she said, was dead.', 'Reyes, Lima added, is a liar who cannot be trusted.']);
    expect(found.map((statement) => [statement.speaker, statement.text])).toEqual([
      ['Ana Lima', 'The deal, she said, was dead.'],
      ['Ana Lima', 'Reyes, Lima added, is a liar who cannot be trusted.'],
    ]);
    expect(found[1].claim).toContain('reyes');
    // Not an inverted clause: "Nor, she said, did …" has no subject before the attribution.
    expect(extractStatements(['Mayor Ana Lima met the council on Monday.', 'Nor, she said, did she say anything that could be read as an order to close the depot.']).map((statement) => statement.text)).not.toContain('Nor, she said, did');
    // The attribution may name its listener and when: "…, she told reporters afterward, was …".
    const told = extractStatements(['Ana Lima, the association’s chair, spoke to the crowd from a truck.', 'Norvale’s price, she told reporters afterward, was impossible to justify for a small budget.']);
    expect(told.map((statement) => [statement.speaker, statement.kind])).toEqual([['Ana Lima', 'position']]);
    // A quotation on both sides of it too ("“…,” she told the host, “…”").
    const both = extractStatements(['Mayor Ana Lima was asked about the fares.', '“First of all,” she told the host, “I would never want the depot closed.”']);
    expect(both.map((statement) => statement.text)).toEqual(['“First of all,” she told the host, “I would never want the depot closed.”']);
  });

  it('reads the clause an attribution interrupts after a phrase as what was said ("The next day, according to X, Y …")', () => {
    const found = extractStatements([
      'The next day, according to Councillor Ola Berg, the mayor dropped the levy.',
      'The trouble with the levy, says Tom Reyes, a retired engineer, is the depot itself.',
      // After a clause of its own, the attribution ends it: what follows it is not the same statement.
      '“We will not pay for the depot,” Reyes told reporters afterward, according to Ivo Pelt, a council aide, who was at the meeting.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ola Berg', 'Tom Reyes', 'Tom Reyes']);
    // A quotation before the attribution is the clause: the appositive after the name is not more of it.
    expect(extractStatements(['“A disgrace,” said Ana Lima, whose trust wants the city to sell the depot.'])).toEqual([]);
    expect(found[0].text).toBe('The next day, according to Councillor Ola Berg, the mayor dropped the levy.');
    expect(found[1].text).toBe('The trouble with the levy, says Tom Reyes, a retired engineer, is the depot itself.');
  });

  it('gives "he" to the sentence’s subject rather than to a person named after a preposition before it', () => {
    const found = extractStatements([
      'In an interview with radio host Paul Dorsey on Monday, Tom Reyes was asked about a report that he told the council he would cut the levy.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes']);
  });

  it('gives "he" to the name set off by dashes as the subject after an opening "While …," clause', () => {
    const found = extractStatements([
      'While Mayor Tom Reyes has yet to back the levy, his deputy — Councillor Mark Dorsey — has thrown his support behind it.',
      'And he says the mayor is fine with it.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Mark Dorsey', 'Mark Dorsey']);
  });

  it('gives "the former president said" to the one who held the title before, not to the one who holds it', () => {
    const found = extractStatements([
      'President Ana Lima and former President Tom Reyes spoke in Eastvale on Monday.',
      'The levy must be cut, the former president said, before the vote.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes']);
  });

  it('gives "the vice president said" to the vice president, and "the president said" to the president', () => {
    const found = extractStatements([
      'President Ana Lima and Vice President Tom Reyes spoke in Eastvale on Monday.',
      'The levy must be cut, the vice president said, before the vote.',
      'The levy will stay, the president said.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Ana Lima']);
  });

  it('gives "he said" after a sentence about "the admiral" to the one person named with that title', () => {
    const found = extractStatements([
      'Gen. Tom Reyes said the base would close next year.',
      'Adm. Paul Dorsey commands the fleet.',
      'At a briefing on Monday, the admiral chuckled when asked about the plan.',
      '“We will not close it unless the navy moves the ships first,” he said.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Paul Dorsey']);
  });

  it('reads a surname wink takes for a verb before an auxiliary as the subject ("Ann Welch is supporting")', () => {
    expect(extractStatements(['Rep. Ann Welch is supporting a fare freeze until the audit is published.'])[0]?.speaker).toBe('Ann Welch');
  });

  it('follows "he" back to his name through sentences that speak of him, however many', () => {
    const found = extractStatements([
      'Paul Dravecky is a civil engineer. Colleagues describe him as patient. On his desk sits a short length of lead pipe.',
      'He, too, has given some ground. The board will spread the increase over three years, he says.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Paul Dravecky']);
    // Sentences that do not speak of him still end the search.
    const lost = extractStatements(['Paul Dravecky is a civil engineer. The plant opened in 1990. Rates rose. Bills grew.', 'The board will spread the increase, he says.']);
    expect(lost.map((statement) => statement.speaker)).toEqual([]);
  });

  it('gives a quotation over two sentences, closed by "he says", to whom that "he" is, as one statement', () => {
    const found = extractStatements([
      'Paul Dravecky is a civil engineer who ran a desalination plant for a decade.',
      'On the fee he is immovable. “The board’s resolution stands. The deadline will not move,” he says.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.text])).toEqual([
      ['Paul Dravecky', '“The board’s resolution stands. The deadline will not move,” he says.'],
    ]);
  });

  const speakersOf = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => [statement.speaker, statement.text]);

  it('gives a quotation running over sentences to the speaker named where it closes, as one statement', () => {
    const found = speakersOf([
      'Mayor Ana Lopez said the budget would pass this week.',
      '“The council must vote on the plan before the recess. We will not accept another delay,” Councillor Tom Reyes said.',
    ]);
    expect(found).toEqual([
      ['Ana Lopez', 'Mayor Ana Lopez said the budget would pass this week.'],
      ['Tom Reyes', '“The council must vote on the plan before the recess. We will not accept another delay,” Councillor Tom Reyes said.'],
    ]);
  });

  it('reads one quotation as one statement of its strongest kind, with the claims of all its sentences', () => {
    const [statement, ...rest] = extractStatements([
      'Jan Holm, the union leader, spoke on Monday. “It is a hard winter. We will strike unless the company restores the bonus. Nobody wants that,” Holm said.',
    ]).filter((found) => found.speaker === 'Jan Holm');
    expect(rest).toEqual([]);
    expect(statement).toMatchObject({ kind: 'condition', text: '“It is a hard winter. We will strike unless the company restores the bonus. Nobody wants that,” Holm said.' });
    expect(statement.claim.split(' ')).toEqual(expect.arrayContaining(['strike', 'bonus', 'hard']));
  });

  it('reads one quotation as one statement when its attribution goes on with a second clause ("…,” he said, adding that …")', () => {
    const found = extractStatements([
      'Jan Holm, the union leader, spoke on Monday. “We did not win the number. We will strike unless the company restores the bonus,” Holm said, adding that talks would resume in May.',
    ]).filter((statement) => statement.speaker === 'Jan Holm');
    expect(found.map((statement) => [statement.kind, statement.text])).toEqual([
      ['condition', '“We did not win the number. We will strike unless the company restores the bonus,” Holm said'],
      // A schedule (see "reads a schedule as a claim").
      ['claim', 'adding that talks would resume in May'],
    ]);
  });

  it('shows a quotation to its end though its last sentence states nothing itself', () => {
    const [statement] = extractStatements(['Paul Dravecky runs the utility. “The board’s resolution stands. May 31 is May 31,” he says.']);
    expect(statement).toMatchObject({ speaker: 'Paul Dravecky', text: '“The board’s resolution stands. May 31 is May 31,” he says.' });
  });

  it('keeps two quotations of one speaker apart when narration comes between them', () => {
    const texts = extractStatements([
      '“We will strike on Friday,” Jan Holm said. The company declined to comment. “We want the bonus back,” Holm added.',
    ]).filter((found) => found.speaker === 'Jan Holm').map((found) => found.text);
    expect(texts).toEqual(['“We will strike on Friday,” Jan Holm said.', '“We want the bonus back,” Holm added.']);
  });

  it('reads a quotation interrupted by its attribution and resumed in the next sentence as one statement', () => {
    const texts = extractStatements([
      '“We will strike on Friday,” Jan Holm said. “And the company has to restore the bonus before we talk again.”',
    ]).map((found) => [found.speaker, found.text]);
    expect(texts).toEqual([['Jan Holm', '“We will strike on Friday,” Jan Holm said. “And the company has to restore the bonus before we talk again.”']]);
  });

  it('reads a quotation its attribution interrupts within the sentence as one statement, of the kind of the whole', () => {
    const found = extractStatements(['“We will strike,” Jan Holm said, “unless the company restores the bonus.”', '“We will vote,” said Ana Lima, “only if the board agrees.”']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['Jan Holm', 'condition'], ['Ana Lima', 'condition']]);
    // After phrases of time or place the attribution opens its quotation, and the phrases are not what was said; after
    // a clause, the clause is.
    const [opened] = extractStatements(['In Ohio on Monday, Jan Holm said, “We will strike.”']);
    expect(opened).toMatchObject({ speaker: 'Jan Holm', kind: 'position' });
    expect(opened.claim).not.toMatch(/ohio|monday/);
    const [clause] = extractStatements(['If the board agrees, Jan Holm said, “we will call the strike off.”']);
    expect(clause).toMatchObject({ speaker: 'Jan Holm', kind: 'condition' });
  });

  it('reads a negated verb of saying as saying nothing, but not a negation of another clause', () => {
    const unsaid = extractStatements([
      'Jan Holm did not say whether the union would strike.',
      'Ana Lima has never called for a strike.',
      'Asked about the offer, Tom Reyes did not say whether the city would accept it.',
    ]);
    expect(unsaid.map((statement) => statement.kind)).toEqual(['claim', 'claim', 'claim']);
    const [said] = extractStatements(['Jan Holm, who has never lost a vote, said the union would strike unless the bonus is restored.']);
    expect(said).toMatchObject({ speaker: 'Jan Holm', kind: 'condition' });
  });

  it('reads "according to X" before or after what X said', () => {
    const found = extractStatements(['According to Jan Holm, the union will strike unless the bonus is restored.', 'The pilots will not fly on Friday, according to Holm.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['Jan Holm', 'condition'], ['Jan Holm', 'refusal']]);
  });

  it('reads a transcript paragraph opening with a known name and a colon as that person’s words', () => {
    const found = speakersOf([
      'The moderator Jorge Ramos questioned Senator Maria Ortiz about the bill.',
      'ORTIZ: We will never support a bill that cuts pensions. The committee has to start again.',
      'VIDEO: The exchange was broadcast live.',
    ]);
    expect(found).toContainEqual(['Maria Ortiz', 'ORTIZ: We will never support a bill that cuts pensions.']);
    expect(found).toContainEqual(['Maria Ortiz', 'The committee has to start again.']);
    expect(found.filter(([speaker]) => speaker === null)).toEqual([]);
  });

  it('reads a quotation paragraph signed by the next one ("- Maria Ortiz.") as that person’s words, not a "- Ortiz aides" line', () => {
    const found = speakersOf([
      '“The bill will pass,” said Mayor Tom Reyes. Senator Maria Ortiz also spoke.',
      '“The committee must first hear the unions.”',
      '- Ortiz aides said so.',
      '“We will never support a bill that cuts pensions. The committee has to start again.”',
      '- Maria Ortiz.',
    ]);
    expect(found.slice(1)).toEqual([
      ['Tom Reyes', '“The committee must first hear the unions.”'],
      ['Maria Ortiz', '“We will never support a bill that cuts pensions. The committee has to start again.”'],
    ]);
  });

  it('attributes "is calling for" and ", saying …" to the clause’s subject', () => {
    const [calling] = extractStatements(['Senator Maria Ortiz is calling for the state to raise the minimum wage.']);
    expect(calling).toMatchObject({ speaker: 'Maria Ortiz', kind: 'demand' });
    const saying = extractStatements(['Governor Paul Kent vetoed the bill on Friday, saying the state cannot afford new spending.']);
    expect(saying.find((statement) => statement.text.includes('cannot afford'))).toMatchObject({ speaker: 'Paul Kent' });
  });

  it('reads ", saying …" after a clause that takes a stance as that stance, and after any other clause as what it says', () => {
    const [criticised] = extractStatements(['Governor Paul Kent criticized the transit plan, saying the state has other priorities this year.']);
    expect(criticised).toMatchObject({ speaker: 'Paul Kent', kind: 'position' });
    const [toured] = extractStatements(['Governor Paul Kent toured the depot, saying the state has other priorities this year.']);
    expect(toured).toMatchObject({ speaker: 'Paul Kent', kind: 'claim' });
  });

  it('reads a stance noun the subject owns as the verb’s object as that stance ("reiterated her support for …"), not a subject with its own verb', () => {
    const [support] = extractStatements(['Mayor Jane Holt reiterated her support for Governor Tom Reyes on Monday.']);
    expect(support).toMatchObject({ speaker: 'Jane Holt', kind: 'position', reaffirms: true });
    const [told] = extractStatements(['Mayor Jane Holt told me her support for Governor Tom Reyes makes the council nervous.']);
    expect(told).toMatchObject({ speaker: 'Jane Holt', kind: 'claim' });
  });

  it('gives a press release’s unattributed stances to its issuer, up to its "About …" paragraph, and no other article’s', () => {
    const release = extractStatements([
      'SPRINGFIELD, Ohio--(BUSINESS WIRE)--Harbor Transit Company today announced a new contract with its drivers.',
      'Under the contract, the company will hire 40 drivers by June.',
      'About Harbor Transit Company: Harbor Transit will run 200 buses in three counties.',
    ]);
    expect(release.map((statement) => [statement.speaker, statement.text])).toEqual([
      ['Harbor Transit Company', 'Under the contract, the company will hire 40 drivers by June.'],
    ]);
    const report = extractStatements([
      'SPRINGFIELD, Ohio — Harbor Transit Company on Monday announced a new contract with its drivers.',
      'Under the contract, the company will hire 40 drivers by June.',
    ]);
    expect(report).toEqual([]);
  });

  it('keeps the stance a ", saying …" explains in the statement: its kind, its object, and "again" before it', () => {
    const [rejected, again] = extractStatements([
      'Mayor Jane Holt rejected the offer, saying the union had asked for too much.',
      'Holt has not moved on the price: on Tuesday she again ruled out selling the utility, telling residents that “the numbers are what they are.”',
    ]);
    expect(rejected).toMatchObject({ speaker: 'Jane Holt', kind: 'refusal', polarity: 'negative' });
    expect(rejected.claim.split(' ')).toContain('offer');
    expect(again).toMatchObject({ speaker: 'Jane Holt', kind: 'refusal', reaffirms: true });
    expect(again.claim.split(' ')).toEqual(expect.arrayContaining(['sell', 'utility']));
  });

  it('gives ", adding …" after a trailing attribution to who is attributed, not to the names before it', () => {
    const found = extractStatements(['Ortiz and Holm will meet next week, spokesman Tom Reyes said on Monday, adding that both sides must compromise.']);
    expect(found.find((statement) => statement.text.startsWith('adding'))).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition' });
    // A body or a role attributed ("the Ministry of Transport said in a statement") adds too.
    const [, adding] = extractStatements([
      'From March 1, trucks will be barred from the old bridge, the Ministry of Transport said in a statement, adding that police would fine any driver who ignored the ban.',
    ]);
    expect(adding).toMatchObject({ speaker: 'Ministry of Transport', kind: 'position' });
    expect(adding.text).toMatch(/^adding that police/);
  });

  it('reads "the Vermont senator" and "the New York businessman" as the person named before, not as a place that speaks', () => {
    const found = extractStatements([
      'Sen. Maria Ortiz and the developer Tom Reyes met the council on Monday.',
      'Ortiz said the plan was too costly.',
      '“We must build it now,” the New York businessman said.',
      'The Vermont senator said the council must vote first.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Maria Ortiz', 'Tom Reyes', 'Maria Ortiz']);
  });

  it('reads "the Halden senator" as the senator the article named with that place, not the senator named last', () => {
    const found = extractStatements([
      'Ana Lima was battling with Halden Sen. Tom Reyes for second place, and Norvale Sen. Ivo Karsk was third.',
      'Tom Reyes says the race has become a three-person race between himself, Ana Lima and Ivo Karsk.',
      'The Halden senator is predicting that he will win the nomination after the vote.',
      'The Norvale senator said the count must be finished first.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Tom Reyes', 'Ivo Karsk']);
  });

  it('reads "…, X said: “…”" as X saying what follows the colon, and a trailing outlet as its citation', () => {
    const found = extractStatements(['Asked about the strike on Friday, Councillor Tom Reyes said: “The council must vote first,” the Gazette reported.']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition' });
  });

  it('finds a stance in the main verb after a coordinator and a leading clause ("But while …, X did support …")', () => {
    const [statement] = extractStatements(['But while she may not have drafted the plan, Councillor Maria Ortiz did support the new budget on Monday.']);
    expect(statement).toMatchObject({ speaker: 'Maria Ortiz', kind: 'position' });
  });

  it('reads "X called Y “Z”" and ", calling Y a Z" as X taking a position, but not "called on", "called the meeting to order" or "what he called a “draw”"', () => {
    const found = extractStatements([
      'Councillor Tom Reyes called the budget “a disgrace to this city.”',
      'Senator Maria Ortiz left the hall on Monday, calling the plan a betrayal.',
      'The mayor called the meeting to order.',
      'Reyes said the vote ended in what he called a “draw” after the recess.',
    ]);
    expect(found.filter((statement) => statement.kind === 'position').map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Maria Ortiz']);
    const [said] = extractStatements(['Councillor Tom Reyes said the council would not accept the budget, calling it “a step backwards.”']);
    expect(said).toMatchObject({ speaker: 'Tom Reyes', kind: 'refusal', text: 'Councillor Tom Reyes said the council would not accept the budget, calling it “a step backwards.”' });
  });

  it('reads what a long object is called: "called the council’s March offer of fixed fares on night and weekend routes “a start”"', () => {
    const found = extractStatements([
      'Councillor Tom Reyes met Mayor Ana Lima on Monday.',
      'She called the council’s March offer of fixed fares on night and weekend routes “the easy part,” because those routes were already cheap.',
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ speaker: 'Ana Lima' });
    expect(found[0].text).toMatch(/^She called the council’s March offer .* “the easy part,”/);
  });

  it('reads a speaker with the role and principal earlier articles gave them (`known`), where this one leaves them out', () => {
    const known = [{ name: 'Peter Walsh', role: 'spokesman', speaksFor: 'Corran Bay Water' }, { name: 'Ada Brill', role: 'chancellor' }];
    const paragraphs = [
      'Ada Brill met the staff on Monday.',
      'A spokesman for the utility, Peter Walsh, said the rates would rise unless the council paid for the pipes.',
      'Later the chancellor told reporters that she would not close the library.',
    ];
    const found = extractStatements(paragraphs, { known });
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['Peter Walsh', 'Corran Bay Water'],
      ['Ada Brill', undefined],
    ]);
    // Without it, the article's own words: "the utility", and a chancellor nobody is named as.
    expect(extractStatements(paragraphs).map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['Peter Walsh', 'utility'],
      ['chancellor', undefined],
    ]);
    // An article that does not name the speaker takes nothing of them: "the chancellor" is nobody known.
    const [other] = extractStatements(['Later the chancellor told reporters that she would not close the library.'], { known });
    expect(other.speaker).toBe('chancellor');
  });

  it('takes a pronoun back to a person named only as an owner ("Governor Ana Lima’s budget …. She said …"), when no one else agrees', () => {
    const found = extractStatements([
      '“Presidents cannot say anything they like,” Mayor Tom Reyes said.',
      'Governor Ana Lima’s budget came under scrutiny on Monday. She said the port must close unless the state paid for the dredging.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Ana Lima']);
    // Someone named as a subject still comes first: "Lima met Reyes’s deputy. He said …" is not Reyes.
    const [subject] = extractStatements(['Mayor Tom Reyes met the council.', 'Governor Paul Lima met Reyes’s deputy on Monday. He said the port must close.']);
    expect(subject.speaker).toBe('Paul Lima');
  });

  it('reads "“…,” X told The Associated Press by phone" and "“…,” X told reporters of the plan." as closing the quotation before them', () => {
    const found = extractStatements([
      '“We will not sell the docks,” spokeswoman Ana Lima told The Associated Press by phone from the capital.',
      '“A lot will depend on the council,” Mayor Tom Reyes told reporters of the prospects for a deal.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.claim])).toEqual([
      ['Ana Lima', 'dock not sell'],
      ['Tom Reyes', 'council depend'],
    ]);
  });

  it('reaches the "that" of a reported clause across a hyphenated adjunct ("said at a year-end news conference that …")', () => {
    const [statement] = extractStatements(['Mayor Ana Lima said at a year-end news conference that the docks must be sold.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'condition', claim: 'dock sell' });
  });

  it('reads the clause after an attribution set between an opening adjunct and it ("As the vote nears, Lima says, the council will …")', () => {
    const found = extractStatements([
      'As the vote nears, Mayor Ana Lima says, the council will have to sell the docks.',
      'In the three years since the flood, Councillor Tom Reyes said, far too little has been done to protect the harbour.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.claim])).toEqual([
      ['Ana Lima', 'council dock near sell vote'],
      ['Tom Reyes', 'flood harbor little protect'],
    ]);
  });

  it('gives a description ending in an adjective that stands for its noun ("Another hopeful, Ana Lima, said") to the name after it', () => {
    const found = extractStatements([
      'Another hopeful, Ana Lima, said the council would have to sell the docks.',
      'The chief, Tom Reyes, said the port must stay open.',
      'And Kelmark’s Republican attorney general, Paula Vance, vowed to sue the port authority.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes', 'Paula Vance']);
  });

  it('reads what an object holding a verb, a date, a free relative or a name wink mistags is called ("called Ford’s plans to open a plant “a disgrace”")', () => {
    const found = extractStatements([
      'In April, Mayor Ana Lima called Brannock’s plans to open a $1.6 billion plant in the harbour “an absolute disgrace.”',
      'Councillor Tom Reyes called that report Friday a “boldfaced lie.”',
      'Reyes called those advocating for more direct intervention “fools.”',
      'Reyes called Lima to wish her a happy birthday.',
      'Lima described the most engaged residents as furious about the plant.',
      'Reyes called what he witnessed at the hearing “a disgrace.”',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes', 'Tom Reyes', 'Ana Lima', 'Tom Reyes']);
  });

  it('reads "is promising to …" as a promise, where wink tags "promising" an adjective, but not "results are promising to investors"', () => {
    const found = extractStatements(['Mayor Ana Lima is promising to rebuild the harbour wall by spring.', 'The early results are promising to investors in the port.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['Ana Lima', 'position']]);
  });

  it('reads a subject stressed by "himself" or "herself" ("Lima herself said …")', () => {
    const found = extractStatements(['Mayor Ana Lima herself said the port must stay open.', 'Councillor Tom Reyes himself has proposed a tax on cruise ships.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
  });

  it('reads a phrasal verb of saying with a date before its particle ("called Wednesday for …")', () => {
    const [statement] = extractStatements(['Mayor Ana Lima called Wednesday for the harbour board to resign.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'demand' });
  });

  it('keeps "according to …" right after a reported "that" inside what was said ("said that according to its count, …")', () => {
    const found = extractStatements(['Mayor Ana Lima said on Tuesday that according to its own count, the party had won most of the harbour wards.']);
    expect(found.map((statement) => [statement.speaker, statement.text])).toEqual([
      ['Ana Lima', 'Mayor Ana Lima said on Tuesday that according to its own count, the party had won most of the harbour wards.'],
    ]);
  });

  it('gives a verb of saying after "and" and a time adjunct the sentence’s subject ("… and on Monday announced that …")', () => {
    const [statement] = extractStatements(['Mayor Ana Lima has freed up $26 million for the harbour and on Monday announced that the port would stay open.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
  });

  it('reads arguing that something is so as taking a position ("argued the levy was unfair")', () => {
    const [statement] = extractStatements(['Councillor Tom Reyes argued that the levy was unfair to small shops on the harbour.']);
    expect(statement).toMatchObject({ speaker: 'Tom Reyes', kind: 'position' });
  });

  it('reads a stance verb joined by "and" to another main verb as the subject’s ("spoke at the forum, and criticized …")', () => {
    const found = extractStatements([
      'Mayor Ana Lima spoke at the harbour forum on Sunday, and criticized the port board after the event.',
      'Councillor Tom Reyes left it to others to praise the budget and defend the levy.',
      'Reyes is well liked and praised for his work on the harbour.',
      'After Lima spoke and rejected the plan, Reyes left the hall.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['Ana Lima', 'position']]);
  });

  it('reads an -ing verb after "and" that shares the progressive before it as the subject’s ("has been touring … and claiming …")', () => {
    const read = (...sentences: string[]) => extractStatements(sentences).map((statement) => [statement.speaker, statement.kind]);
    expect(read('Mayor Ana Lima has been touring the wards and claiming that the seat is hers to lose.')).toEqual([['Ana Lima', 'position']]);
    expect(read('The harbour union is holding rallies and demanding that the yard stay open.')).toEqual([['harbour union', 'demand']]);
    // The subject stressed by "herself" opens the sentence all the same.
    expect(read('Mayor Ana Lima herself has been touring the wards and claiming that the levy must go.')).toEqual([['Ana Lima', 'condition']]);
    // After a verb not in the progressive, an -ing form is no verb of hers: here a gerund, the next clause's subject.
    expect(read('Mayor Ana Lima quit the race, and insisting on a recount was left to her aides.')).toEqual([]);
  });

  it('reads a stance verb’s -ing form hanging on a clause as that clause’s subject’s stance (", dropping its demand …"), not a motive (", hoping to …")', () => {
    const read = (...sentences: string[]) => extractStatements(sentences).map((statement) => [statement.speaker, statement.kind, statement.withdrawn ?? false]);
    expect(read('The regulator cleared the deal on Tuesday, dropping its demand that the terminal be sold.')).toEqual([['regulator', 'condition', true]]);
    expect(read('The union walked out of the talks on Monday, rejecting the offer.')).toEqual([['union', 'refusal', false]]);
    // wink reads some such participles as nouns (", offering to free …").
    expect(read('The government doubled its offer, offering to free 300 prisoners.')).toEqual([['government', 'offer', false]]);
    // What the writer gives as a motive, or a verb with no object to take a stance on.
    expect(read('Mayor Ana Lima toured the plant on Monday, hoping to win the union’s support.')).toEqual([]);
    expect(read('Mayor Ana Lima seemed lost, applauding along with the audience.')).toEqual([]);
    // After an opening clause of "ever since", the participle is the main clause's subject's.
    const attacking = read('Mayor Ana Lima and Senator Rosa Vidal met in May.', 'Ever since she endorsed Mrs. Lima this month, Ms. Vidal has been a powerful surrogate, attacking Mr. Reyes.');
    expect(attacking).toEqual([['Rosa Vidal', 'position', false]]);
  });

  it('reads "said" before a noun as the verb after a name ("Ian Read said company leaders …"), not in "the said company"', () => {
    const found = extractStatements(['Chief executive Ian Read said company leaders had paid close attention to the debate.', 'The said company was sold in May to a rival.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ian Read']);
  });

  it('reads a number written with a hyphen as one value ("Twenty-six" is 26)', () => {
    const [statement] = extractStatements(['“Twenty-six is the floor,” Mayor Ana Lima said.']);
    expect(statement.claim).toBe('26 floor');
  });

  it('takes no stance from a stance verb the writer only guesses at ("may still offer")', () => {
    expect(extractStatements(['Even if the vote fails, Councillor Tom Reyes may still offer a compromise to the council.'])).toEqual([]);
    const [stance] = extractStatements(['Councillor Tom Reyes will offer a compromise to the council.']);
    expect(stance).toMatchObject({ speaker: 'Tom Reyes', kind: 'offer' });
  });

  it('ends the listener after "told" at its noun ("telling reporters her support would …", "told him the council must …")', () => {
    const [telling] = extractStatements(['On Friday, Mayor Ana Lima hedged on the budget, telling reporters her support would depend on what the council cuts.']);
    expect(telling).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    expect(telling.claim.split(' ')).toContain('support');
    const [told] = extractStatements(['Mayor Ana Lima told him the council must first approve the fare freeze.']);
    expect(told).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    const [possessive] = extractStatements(['Mayor Ana Lima told her supporters the council must first approve the fare freeze.']);
    expect(possessive.claim.split(' ')).not.toContain('supporter');
  });

  it('reads a participle after ", … and" as the subject speaking even when the tagger takes the first one for a noun', () => {
    const [statement] = extractStatements([
      'After the vote, Mayor Ana Lima has tried to look decisive, painting rivals as timid and suggesting that she would cut fares before winter.',
    ]);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
  });

  it('reads a participle after a comma inside a closing quotation mark, and what a participle reports after it', () => {
    const [saying] = extractStatements(['Mayor Ana Lima closed the debate with a "firm no," saying the council must first cut fares.']);
    expect(saying).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    const found = extractStatements(['Mayor Ana Lima spoke in the ad titled "Forward," warning against raising fares, pledging to "keep the buses running all night."']);
    expect(found.map((statement) => [statement.kind, statement.text])).toEqual([
      ['concern', 'warning against raising fares'],
      ['position', 'pledging to "keep the buses running all night."'],
    ]);
  });

  it('keeps both marks of a quotation a clause holds, however the clause ends', () => {
    const found = extractStatements(['Mayor Ana Lima called the offer “a real step” but said the fee would have to go.']);
    expect(found.map((statement) => statement.text)).toEqual(['Mayor Ana Lima called the offer “a real step”', 'but said the fee would have to go']);
  });

  it('reads "promising to" after a comma as the participle wink tags an adjective, but not "promising young"', () => {
    const [promise] = extractStatements(['Mayor Ana Lima talked up her “night bus plan,” promising to keep fares flat.']);
    expect(promise).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
    expect(extractStatements(['Mayor Ana Lima met the team, promising young players from the north.'])).toEqual([]);
  });

  it('reads "provided that", "as long as", "on condition that" and "only once" as conditions, but not "for as long as"', () => {
    const kindOf = (sentence: string) => extractStatements([sentence])[0]?.kind;
    expect(kindOf('Mayor Ana Lima said the city would pay, provided that the state signs the fund into law.')).toBe('condition');
    expect(kindOf('Mayor Ana Lima said the city would pay as long as the union drops its suit.')).toBe('condition');
    expect(kindOf('Mayor Ana Lima said the city would pay on condition that the union drops its suit.')).toBe('condition');
    expect(kindOf('Mayor Ana Lima said she would sign only once the council votes.')).toBe('condition');
    expect(kindOf('Mayor Ana Lima said fares would stay frozen for as long as the line is closed.')).toBe('position');
    // Terms traded, or "only" before the verb and its terms after it; not "only learned of it when", a time.
    expect(kindOf('Mayor Ana Lima said the city would drop its suit in exchange for a fare freeze.')).toBe('condition');
    expect(kindOf('Mayor Ana Lima said any deal would be contingent on an audit.')).toBe('condition');
    expect(kindOf('Mayor Ana Lima said the city would only return to talks once the lockout ended.')).toBe('condition');
    expect(kindOf('Mayor Ana Lima said she only learned of the plan when she read the paper.')).toBe('position');
    // The least the speaker will take is a demand; "nothing short of a revolution" is no such thing.
    expect(kindOf('Mayor Ana Lima said the city would settle for nothing less than half the cost.')).toBe('demand');
    expect(kindOf('Mayor Ana Lima said the ruling was nothing short of a revolution.')).not.toBe('demand');
  });

  it('takes no attribution from a free relative ("not what the council had asked for") and no month for a person', () => {
    const found = extractStatements([
      'Gov. Marco Aldana spoke in June.',
      'In August, Aldana had called anything short of 40 unacceptable.',
      'On Monday he said the plan was not what the council had asked for but was enough to keep the orchards alive.',
    ]);
    const plan = found.filter((statement) => statement.text.includes('the plan was not what'));
    expect(plan.map((statement) => [statement.speaker, statement.text.startsWith('On Monday he said')])).toEqual([['Marco Aldana', true]]);
    // A determiner between "what" and the subject: "what her supporters have long said" is no attribution either.
    const hopes = extractStatements(['Mayor Ana Holt hopes the vote will prove what her supporters have long said: She is the strongest candidate.']);
    expect(hopes.map((statement) => statement.speaker)).toEqual(['Ana Holt']);
  });

  it('takes no attribution from a relative clause without "that" ("Nothing the mayor said “will …,” the senator said")', () => {
    const found = extractStatements(['Mayor Ana Holt and Senator Tom Reyes met on Monday.', 'Nothing the mayor said “will bring the depot back,” the senator said.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes']);
  });

  it('reads "insisted" as holding a position, and a number named as what it is called ("called 32 “a serious number”")', () => {
    const [insisted] = extractStatements(['Provost Ruth Castell insisted the increase was the only responsible way to close the gap.']);
    expect(insisted).toMatchObject({ speaker: 'Ruth Castell', kind: 'position' });
    const [called] = extractStatements(['Gov. Marco Aldana called 32 “a serious number, and the first we have heard.”']);
    expect(called).toMatchObject({ speaker: 'Marco Aldana', kind: 'position' });
  });

  it('reads a commitment ("pledging to …", "vowed to …") as a position', () => {
    const [statement] = extractStatements(['Mayor Ana Lima left the hall, pledging to keep the buses running all night.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
  });

  it('reads what a statement the subject issued says, does or calls something as the subject’s ("posted a statement rejecting …"), not someone else’s', () => {
    const [rejecting] = extractStatements(['Student leader Dana Osei posted a statement rejecting the increase outright.']);
    expect(rejecting).toMatchObject({ speaker: 'Dana Osei', kind: 'refusal' });
    const [saying] = extractStatements(['Student leader Dana Osei issued a statement saying the union would strike unless fees are frozen.']);
    expect(saying).toMatchObject({ speaker: 'Dana Osei', kind: 'condition' });
    const [describing] = extractStatements(['Student leader Dana Osei issued a statement describing the fee rise as “a tax on learning.”']);
    expect(describing).toMatchObject({ speaker: 'Dana Osei', kind: 'position' });
    const [made] = extractStatements(['Student leader Dana Osei made a statement saying the union would strike unless fees are frozen.']);
    expect(made).toMatchObject({ speaker: 'Dana Osei', kind: 'condition' });
    const [other] = extractStatements(['Mayor Ana Lima says Tom Reyes’s early tweets accusing her of fraud are lies.']);
    expect(other).toMatchObject({ speaker: 'Ana Lima' });
  });

  it('reads what a motion or resolution a body passed says or calls for as the body’s, and a letter sent on a day', () => {
    const read = (text: string) => extractStatements([text]).map((statement) => [statement.speaker, statement.kind]);
    // wink reads "warning" there as a noun; "calling on" is a phrasal verb of saying.
    expect(read('The Norvale party’s youth wing passed a motion last week warning that any delay would hurt the young.')).toEqual([['Norvale party’s youth wing', 'concern']]);
    expect(read('The union passed a resolution calling on the council to drop the levy.')).toEqual([['union', 'demand']]);
    expect(read('The union sent a letter on Monday asking the ministry to publish a timetable.')).toEqual([['union', 'demand']]);
    expect(read('The union passed a motion last week and a letter arrived warning of delays.')).toEqual([]);
  });

  it('reads "X was blunt: …" and "X was diplomatic, but firm — …" as X saying what follows, but not "the report was clear:"', () => {
    const [blunt] = extractStatements(['Mayor Ana Lima was blunt: the city will not pay unless the state does.']);
    expect(blunt).toMatchObject({ speaker: 'Ana Lima', kind: 'condition', text: 'Mayor Ana Lima was blunt: the city will not pay unless the state does.' });
    const [firm] = extractStatements(['Mayor Ana Lima spoke on Monday.', 'Lima was diplomatic, but firm — the council must vote first.']);
    expect(firm).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    expect(extractStatements(['The report was clear: fares must rise.'])).toEqual([]);
    // "Lima's answer was blunt: …" is the answer's owner's, the person the article named, not a source "Lima's answer".
    const [answer] = extractStatements(['Mayor Ana Lima spoke on Monday.', 'Lima’s answer was blunt: the city will not raise fares.']);
    expect(answer).toMatchObject({ speaker: 'Ana Lima', kind: 'refusal' });
    // A message "simple" is one said plainly too; an ultimatum ("… or face …") is a condition.
    const [message] = extractStatements(['Mayor Ana Lima spoke on Monday.', 'Lima’s message to the union was simple: call off the strike or face a lockout.']);
    expect(message).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    expect(extractStatements(['The reason was simple: the depot is too old.'])).toEqual([]);
  });

  it('reads an ultimatum set off by a comma ("we want five years, or we will oppose the deal") as a condition', () => {
    const [ultimatum] = extractStatements(['Union leader Tom Reyes met the company on Monday.', '"We want a five-year pledge, in writing, or we will oppose the merger," Reyes said.']);
    expect(ultimatum).toMatchObject({ speaker: 'Tom Reyes', kind: 'condition' });
    // Not a choice between two things one may do, nor "he or she will".
    const [choice] = extractStatements(['Union leader Tom Reyes met the company on Monday.', '"I will vote for the plan or I will abstain," Reyes said.']);
    expect(choice?.kind).not.toBe('condition');
  });

  it('reads a clause set against a trailing attribution (", officials said Thursday, while X offered …") as X\'s own', () => {
    const found = extractStatements(['The ministry lowered its offer to 3 percent, officials said Thursday, while union leader Tom Reyes offered to suspend the strike.']);
    // Officials no one says whose cite how the writer knows: the ministry's offer is its own.
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['ministry', 'offer'],
      ['Tom Reyes', 'offer'],
    ]);
    expect(found[0].text).not.toContain('Reyes');
    // Inside what a speaker reports, the clause is still the speaker's.
    const reported = extractStatements(['Mayor Ana Lima spoke on Monday.', 'Union leader Tom Reyes said only he kept his promise, while Lima sought a compromise plan.']);
    expect(reported.map((statement) => statement.speaker)).toEqual(['Tom Reyes']);
  });

  it('gives a verb joined by "and" inside a clause "after" opens to that clause\'s subject, not the sentence\'s', () => {
    const [warned] = extractStatements(['The city unveiled a budget on Friday, a day after the transit authority froze fares and warned that new taxes would hurt riders.']);
    expect(warned?.speaker).toBe('transit authority');
    // "went after Reyes for refusing to …": a preposition, no clause of its own.
    const [called] = extractStatements(['Mayor Ana Lima went after Tom Reyes for refusing to use the word and called for him to resign.']);
    expect(called?.speaker).toBe('Ana Lima');
  });

  it('gives a sentence that opens with a body\'s perfect "had always said" to whoever speaks at its end ("…, he said")', () => {
    const found = extractStatements(['Deputy Governor Tom Reyes spoke on Monday.', 'The committee had always said that the currency would shape the pace of easing, he said.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes']);
    // Told as it happens, the body's statement is the body's, and "he said" cites it no more than a newspaper would.
    const told = extractStatements(['Deputy Governor Tom Reyes spoke on Monday.', 'The committee said that the currency would shape the pace of easing, he said.']);
    expect(told.map((statement) => statement.speaker)).toEqual(['committee']);
  });

  it('never identifies a source by what it knows ("a person familiar with the governor\'s thinking" is not the deputy governor named next)', () => {
    const found = extractStatements([
      'Governor Ana Lima declined to comment.',
      'A person familiar with the governor’s thinking said she regarded the new levy as a mistake.',
      'Deputy Governor Tom Reyes said the bank would study the plan.',
    ]);
    expect(found.find((statement) => statement.text.startsWith('A person'))?.speaker).toBe('person familiar with governor’s thinking');
  });

  it('takes no place for the speaker of people of no role who live there ("Dairy farmers in Norland\'s north have urged …")', () => {
    const found = extractStatements(['Dairy farmers in Norland’s northern provinces, who sell a fifth of their milk abroad, have urged the government to seek a compromise.']);
    expect(found.map((statement) => statement.speaker)).not.toContain('Norland provinces');
    expect(found.map((statement) => statement.speaker)).not.toContain('Norland');
  });

  it('takes no speaker from what trades ("Arvo shares closed up 18%, suggesting …")', () => {
    expect(extractStatements(['Arvo shares fell 5% on Monday, suggesting investors doubt the merger will close.'])).toEqual([]);
    // Nor from a body the article has named, whose name qualifies the shares.
    const found = extractStatements(['Arvo said it would reject the offer.', 'Arvo shares closed up 18% at 43 crowns, suggesting investors expect a higher bid.']);
    expect(found.map((statement) => statement.text)).toEqual(['Arvo said it would reject the offer.']);
  });

  it('gives "she" after "a spokeswoman for …" to the spokeswoman, not to the last person named', () => {
    const found = extractStatements([
      'Union leader Tom Reyes said the union was worried about closures.',
      'A spokeswoman for the transport ministry said the ministry had not received the plan. She said any such plan would have to be approved by parliament.',
      'A spokesman for the union said the union would wait. He said members would vote in June.',
    ]);
    expect(found.filter((statement) => /^(She|He) said/.test(statement.text)).map((statement) => statement.speaker)).toEqual(['spokeswoman, transport ministry', 'spokesman, union']);
  });

  it('gives what a joint voice says each party will do to that party ("…, while Y will …, the two governments said")', () => {
    const read = (paragraph: string) => extractStatements([paragraph]).map((statement) => [statement.speaker, statement.claim]);
    expect(read('Norland will cut its levy on Suvian timber to 5 percent, while Suvia will lift its ban on Norland cheese, the two governments said on Monday.')).toEqual([
      ['Norland', '5 cut levy percent suvian timber'],
      ['Suvia', 'ban cheese lift norland'],
    ]);
    expect(read('The companies said in a joint statement that Arvo Foods would sell its dairy unit.').map(([speaker]) => speaker)).toEqual(['Arvo Foods']);
    // Clauses joined by "and" are each party's when a named party opens each.
    expect(extractStatements(['The two companies said in a joint statement that Arvo Foods would sell its dairy unit and Borka Mills would close its Lund plant.']).map((statement) => statement.speaker)).toEqual(['Arvo Foods', 'Borka Mills']);
    // A clause keeps its number's signs: "35%", "$3".
    const [norland] = extractStatements(['Norland will drop a planned increase to 35%, while Suvia will pay $3 a tonne, the two governments said.']);
    expect(norland.text).toBe('Norland will drop a planned increase to 35%');
    const [most] = extractStatements(['$3 a tonne is the most Norland will pay, officials said Thursday, while Suvia offered to lift its ban.']);
    expect(most.text).toBe('$3 a tonne is the most Norland will pay, officials said');
    // People who speak together speak for themselves, of whomever they name; so do a phrase's other heads.
    expect(read('The two lawmakers said Norland would lift the levy.').map(([speaker]) => speaker)).toEqual(['lawmakers']);
    expect(read('The leaders of both parties said Norland would lift the levy.').map(([speaker]) => speaker)).not.toContain('Norland');
    // A clause with no named party keeps the joint voice.
    expect(read('Both governments said they would lift the levy.').map(([speaker]) => speaker)).toEqual(['governments']);
  });

  it('reads the main clause after an opening "While …" adjunct that holds an aside between dashes', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima spoke on Monday.', sentence]).map((statement) => [statement.speaker, statement.claim]);
    // The aside may hold commas; the adjunct ends at the dash that closes it, and only the main clause is the claim.
    expect(read('While she embraces their shared goals - youth, charisma and the potential to unify her party - she disavows the ideology of the party.')).toEqual([
      ['Ana Lima', 'disavow ideology party'],
    ]);
    expect(read('While she backs the levy - a tax on fuel, in effect - she opposes the toll.')).toEqual([['Ana Lima', 'not support toll']]);
  });

  it('reads "he\'s said" as "he has said", not as a passive, but "it\'s said" stays no one\'s', () => {
    const [said] = extractStatements(['Mayor Ana Lima spoke on Monday.', 'While she’s said she will fight to the end, Lima must decide what price to demand.']);
    expect(said).toMatchObject({ speaker: 'Ana Lima' });
    expect(extractStatements(['It’s said that the city will pay.'])).toEqual([]);
  });

  it('reads "were being asked to" as a passive, which names no one who speaks and does not cut the report it is in', () => {
    const [said] = extractStatements(['Ana Lima said the terms fell short of the relief bondholders were being asked to provide.']);
    expect(said).toMatchObject({ speaker: 'Ana Lima', text: 'Ana Lima said the terms fell short of the relief bondholders were being asked to provide.' });
    expect(said.claim).toContain('provide');
  });

  it('keeps what someone else says after "I know" inside the speaker’s own answer', () => {
    const found = extractStatements(['Ana Lima met the council.', 'LIMA: I know the order says under 18, and with respect we think 16 is the right line.']);
    expect(found.map((statement) => [statement.speaker, statement.text])).toEqual([
      ['Ana Lima', 'LIMA: I know the order says under 18, and with respect we think 16 is the right line.'],
    ]);
  });

  it('reads "written" without "have" as a participle that describes a noun, not as someone writing', () => {
    const [must] = extractStatements(['Ana Lima met the council.', 'LIMA: If a deadline is missed, there must be penalties written into the agreement.']);
    expect(must).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    expect(must.claim).toContain('penalty');
    const [written] = extractStatements(['Mayor Ana Lima has written that the city must pay.']);
    expect(written).toMatchObject({ speaker: 'Ana Lima' });
  });

  it('reads "indicated", "signaled" and "hinted" before a reported clause as saying, but not "polls indicate a close race"', () => {
    const [signaled] = extractStatements(['Mayor Ana Lima signaled that she would veto the budget unless the fare freeze stays.']);
    expect(signaled).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    const [hinted] = extractStatements(['Mayor Ana Lima hinted that she could sell the depot.']);
    expect(hinted).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
    expect(extractStatements(['Mayor Ana Lima hinted at a sale of the depot.'])).toEqual([]);
    expect(extractStatements(['Mayor Ana Lima won in May. Polls indicate a close race in the district this year.'])).toEqual([]);
  });

  it('keeps a plain claim on the record with its speaker and offsets, and no alert', () => {
    const text = 'The hearing opened late. Senator Maria Ortiz said the report was written by the agency last year.';
    const [claim] = extractStatements([text]);
    expect(claim).toMatchObject({ speaker: 'Maria Ortiz', kind: 'claim' });
    expect(isAlertable(claim)).toBe(false);
    expect(text.slice(claim.start, claim.end)).toBe(claim.text);
  });
});

describe('sources without a person’s name', () => {
  it('gives a trailing ", a spokesman for the union said." and ", the president of their union announced" to the role and its body', () => {
    const found = extractStatements([
      'The city will not pay for the buses, a spokesman for the union said.',
      'Drivers will vote on a strike next month, the president of their union announced Wednesday.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['spokesman, union', 'president, union']);
  });

  it('takes the noun a postmodifier qualifies for the subject ("people familiar with the talks", "a spokesman … who asked not to be named")', () => {
    const found = extractStatements([
      'Two people familiar with the talks said the ministry would not lift the quota unless the fleet accepted observers.',
      'A spokesman for the ministry who asked not to be named said the ban would stay until the talks resumed.',
      'Diplomats briefed on the negotiations said the port would reopen only if the debt was settled first.',
      'The lawyer representing the drivers said they would sue unless the city withdrew the levy.',
      'A source close to the mayor said the council must first approve the budget.',
      'Union activists clamoring to block the Reyes Group from the harbour contract say they will strike unless the council drops it.',
      'People with direct knowledge of the talks said the port would reopen only if the debt was settled first.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual([
      'people familiar with talks',
      'spokesman, ministry',
      'Diplomats briefed on negotiations',
      'lawyer',
      'source close to mayor',
      'Union activists',
      'People with direct knowledge of talks',
    ]);
    // "lawsuits being heard in Ohio": the lawsuits say it, not the place (and they name no one).
    expect(extractStatements(['Three lawsuits being heard in Ohio say the levy must first be repealed.']).map((statement) => statement.speaker)).not.toContain('Ohio');
  });

  it('gives "the mayor said" to the office when the article names no mayor, and to the person the sentence names when it does', () => {
    const found = extractStatements([
      'The mayor said the city will not raise rates unless the state cuts its levy.',
      'The depot, the governor said, will stay closed until the levy is repealed.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['mayor', 'governor']);
    const [named] = extractStatements(['Ana Holt defends the levy in a new radio ad: “We will not raise rates unless the state cuts its share,” the mayor says.']);
    expect(named.speaker).toBe('Ana Holt');
  });

  it('ties "the head of their union" to the union’s president named in the next sentence, not to a leader of another body', () => {
    const found = extractStatements([
      'The head of their union said the drivers would not return to work unless the city restored the night shift.',
      '“We have waited long enough,” said Maria Lopez, president of the union.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Maria Lopez', 'Maria Lopez']);
    const [other] = extractStatements([
      'The head of the union said the drivers would not return to work unless the city restored the night shift.',
      '“We have waited long enough,” said Maria Lopez, president of the drivers’ association.',
    ]);
    expect(other.speaker).toBe('head, union');
  });

  it('takes the postmodified noun before an appositive for the subject, and the name when a comma comes first', () => {
    const found = extractStatements([
      'Diplomats briefed on the talks this week, including Mr. Osei, said the port would reopen only if the debt was settled.',
      'Lena Ostrova, a former official who is now a fellow at the Centre for Water Policy, which studies river basins, said the dam must first be inspected.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Diplomats briefed on talks', 'Lena Ostrova']);
  });

  it('keeps the subject when what follows a noun is a clause of its own ("a woman asked for a photo and Rhee said", "the court that it asked")', () => {
    const found = extractStatements([
      'At one point a woman asked for a photo and Mayor Rhee said the council must first approve the budget.',
      'Early Tuesday, the Fisheries Department disclosed in court that it asked for the return of permits in a letter Friday to the Coast Guard.',
      '“The council must first approve the budget,” said Ana Ruiz, a former aide to the mayor who said she planned to protest.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Rhee', 'Fisheries Department', 'Ana Ruiz']);
  });

  it('gives ", said a spokesman for the union", "according to a spokesman for the union" and "the president of the drivers’ union" the role with its body', () => {
    const found = extractStatements([
      'The city will not pay for the buses, said a spokesman for the union.',
      'The state will not fund the depot, according to a spokeswoman for the ministry.',
      'The president of the drivers’ union said the council must drop the levy.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['spokesman, union', 'spokeswoman, ministry', 'president, drivers’ union']);
  });

  it('gives ", said the union’s president, Ilse Marwood" to the name in the appositive after the role', () => {
    const found = extractStatements([
      '“The fee will stay,” said the union’s president, Ilse Marwood.',
      'The levy must go, said the port’s chief executive, Tom Reyes, on Monday.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ilse Marwood', 'Tom Reyes']);
    // A role a pronoun owns, and a name the name finder does not know.
    const owned = extractStatements([
      'The hospital group said it could not afford the ratios.',
      '“We want a deal, but not one that closes wards,” said its spokesman, Tom Reyes.',
      '“We will meet them again on Friday,” said the chief executive, Ivo Brand.',
    ]);
    expect(owned.map((statement) => statement.speaker)).toEqual(['hospital group', 'Tom Reyes', 'Ivo Brand']);
  });

  it('gives "the president told X that …" to the president who is not X, when the article has two', () => {
    const found = extractStatements([
      'Miriam Castell, the president of the university, met Daniel Osei, the president of the students’ union, on Monday.',
      'At the meeting, the president told Osei that she would give students two seats on the budget committee.',
      '“The fee will stay,” said the president, Miriam Castell.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Miriam Castell', 'Miriam Castell']);
  });

  const speakerOf = (text: string) => extractStatements([text])[0]?.speaker;

  it('records an unnamed or institutional source by its role and institution', () => {
    expect(speakerOf('A spokesman for the trade ministry told reporters that the tariffs would stay until the talks resume.')).toBe(
      'spokesman, trade ministry',
    );
    expect(speakerOf('Officials said the border would remain closed unless the vote goes ahead.')).toBe('Officials');
    expect(speakerOf('The committee called on the president to retaliate against the new duties.')).toBe('committee');
    expect(speakerOf('The mayor of Leeds said the buses would stop unless the fund was restored.')).toBe('mayor, Leeds');
  });

  it('reads a participle inside a source after its verb as part of it ("said a respected party strategist", "according to the Associated Press")', () => {
    expect(speakerOf('“There is no money for the buses,” said a respected Labour strategist.')).toBe('respected Labour strategist');
    expect(speakerOf('The council will cut the fares in May, according to the Associated Press.')).toBe('Associated Press');
  });

  it('gives a role its body, not the place or the occasion after it ("the head of the union in Leeds", "the delegation to the forum")', () => {
    expect(speakerOf('The head of the union in Leeds said the buses would stop unless the fund was restored.')).toBe('head, union');
    expect(speakerOf('A spokesman for the union at the talks said the strike would go ahead.')).toBe('spokesman, union');
    expect(speakerOf('The deputy head of Norway’s delegation to the forum said the quota must be cut.')).toBe('deputy head, Norway’s delegation');
    // People, not a body: the institute after them is where they are from.
    expect(speakerOf('In a letter, a bipartisan group of 30 experts at the Halden Institute warned of fakery.')).toBe('experts, Halden Institute');
  });

  it('gives a campaign the candidate it bears the name of, but not a body whose own name ends in "Campaign"', () => {
    const [campaign] = extractStatements(['The Holt campaign said the levy must go.']);
    const [body] = extractStatements(['About 200 bills were filed in three dozen states, according to the Fair Fares Campaign, an advocacy group.']);
    expect([campaign.speaksFor, body.speaker, body.speaksFor]).toEqual(['Holt', 'Fair Fares Campaign', undefined]);
  });

  it('gives a candidate’s team to the candidate, as a campaign ("Holt’s team said", "Reyes’ legal team said")', () => {
    const [team] = extractStatements(['Holt’s team said the levy must go.']);
    const [legal] = extractStatements(['Reyes’ legal team said the suit would be dropped.']);
    expect([team.speaker, team.speaksFor, legal.speaksFor]).toEqual(['Holt’s team', 'Holt', 'Reyes']);
  });

  it('takes a body’s whole name, not its last words after "for" or "of", for the speaker ("the Centre for Water Policy warned")', () => {
    expect(speakerOf('The Centre for Water Policy warned that the dam could fail.')).toBe('Centre for Water Policy');
  });

  it('takes the whole name of a body named for what it sits on ("the Council on Foreign Relations said"), not a date after it', () => {
    expect(speakerOf('The Council on Foreign Relations said the dam could fail.')).toBe('Council on Foreign Relations');
    expect(speakerOf('The House Committee on Water Rights said the dam could fail.')).toBe('House Committee on Water Rights');
    expect(speakerOf('The House Committee on Monday said the dam could fail.')).toBe('House Committee');
    expect(speakerOf('Secretary of State Ana Lima said the dam could fail.')).toBe('Ana Lima');
  });

  it('takes no name after a preposition for a person ("officials in Halden signalled …"), but one after "After"', () => {
    const quoted = extractStatements([
      "In a video on Tuesday, as officials in Halden signalled they would skip the next meeting, the union's lead negotiator, Teva Ormin, warned that the deal could fail if the city stayed out. \"The new timetable, the fares, the depot — none of it is real until it is signed. If Halden leaves now, it leaves all of it behind,\" she said.",
    ]);
    expect(quoted.at(-1)?.speaker).toBe('Teva Ormin');
    const after = extractStatements(['The death on Saturday of Justice Antal Karsk, regarded as the court’s swing vote, has left it divided.', 'After Karsk said that the levy would stay, the council walked out.']);
    expect(after.map((statement) => statement.speaker)).toEqual(['Antal Karsk']);
  });

  it('keeps an ampersand, "of" or "for" between the capitals of a name ("Brevolt & Halden said", "according to the Centre for …")', () => {
    expect(speakerOf('Brevolt & Halden said the dam could fail.')).toBe('Brevolt & Halden');
    expect(speakerOf('A spokesman for Brevolt & Halden said the dam could fail.')).toBe('spokesman, Brevolt & Halden');
    expect(speakerOf('According to Brevolt & Halden, the dam could fail.')).toBe('Brevolt & Halden');
    expect(speakerOf('According to the Centre for Water Control (CWC) in Norvale, the dam could fail.')).toBe('Centre for Water Control');
    expect(speakerOf('The dam could fail, according to the Bank of Norvale.')).toBe('Bank of Norvale');
    expect(speakerOf('Ana Lima, president of Chapter & Verse, a Halden advertising agency, said the dam could fail.')).toBe('Ana Lima');
  });

  it('takes the name right after a quotation for the speaker, however long its appositive ("“…,” Ivo Karsk, a fellow at …, Norvale, and co-author …, said")', () => {
    const said = '“The dam could fail,” Ivo Karsk, a postdoctoral fellow at the Halden Institute for Hydrology in Brea, Norvale, and co-author of the study, said.';
    expect(speakerOf(said)).toBe('Ivo Karsk');
  });

  it('names a body described by its kind by the name in the appositive after it ("The company, Brevolt, says")', () => {
    expect(speakerOf('The company, Brevolt, says the dam could fail.')).toBe('Brevolt');
    expect(speakerOf('Its parent company, Brevolt Holdings, said the dam could fail.')).toBe('Brevolt Holdings');
    expect(speakerOf('The union, which represents 4,000 drivers, said the dam could fail.')).toBe('union');
  });

  it('reads a capitalised word wink takes for a verb inside a paper\'s name ("according to the Halden Falls Argus Leader")', () => {
    expect(speakerOf('The campaign, which includes both digital and TV ads, cost the state roughly $449,000, according to the Halden Falls Argus Leader.')).toBe('Halden Falls Argus Leader');
  });

  it('takes no place or body for the speaker when people in or on it who hold no role there are meant ("Many in Halden …")', () => {
    expect(extractStatements(['Many in Halden will deplore that decision.'])).toEqual([]);
    const comrades = extractStatements(['Ivo Karsk and his comrades on the powerful Standing Committee do not want to send the army.']);
    expect(comrades.map((statement) => statement.speaker)).not.toContain('powerful Standing Committee');
    expect(speakerOf('Officials in Halden said the dam could fail.')).toBe('Officials, Halden');
    // Nor people from a place, members of a body among them.
    expect(extractStatements(['Council members from Halden have said they will not back the levy.'])).toEqual([]);
    expect(extractStatements(['Two members of Congress from Halden have said they will not back the levy.'])).toEqual([]);
    expect(speakerOf('Officials from Halden said the dam could fail.')).toBe('Officials, Halden');
  });

  it('gives what a group led by a named person says to its leader ("The aides, led by campaign manager Tom Reyes, told …")', () => {
    expect(speakersOfSentence('The aides, led by campaign manager Tom Reyes, told donors that they were not expecting to win the first two states.')).toEqual(['Tom Reyes']);
    expect(speakersOfSentence('The delegation, headed by Ana Lima, said it would not back the levy.')).toEqual(['Ana Lima']);
    // Not someone who merely joins them; a named person led by others speaks for herself.
    expect(speakersOfSentence('The aides, joined by campaign manager Tom Reyes, said they would not back the levy.')).toEqual(['aides']);
    expect(speakersOfSentence('Ana Lima, led by her aides, said she would not back the levy.')).toEqual(['Ana Lima']);
  });

  it('gives what two names set off after a description say to both ("Two council members, Ana Lima and Tom Reyes, said")', () => {
    const found = extractStatements(['Two council members, Ana Lima and Tom Reyes, said they will not back the levy.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
  });

  it('names the person after a title and what it is of, after the verb (", said Secretary of State Ana Lima")', () => {
    expect(speakerOf('The dam could fail, said Secretary of State Ana Lima.')).toBe('Ana Lima');
    expect(speakerOf('The dam could fail, said Minister of Finance Ivo Karsk.')).toBe('Ivo Karsk');
    expect(speakerOf('The dam could fail, said Director of Public Works Tom Reyes.')).toBe('Tom Reyes');
    // From the given name: a name of three words is whole.
    expect(speakerOf('The dam could fail, said Secretary of State Ana Maria Lima.')).toBe('Ana Maria Lima');
  });

  it('takes what someone said as theirs when it opens the clause ("Ivo Karsk\'s remarks suggested …")', () => {
    expect(speakerOf("Ivo Karsk's remarks suggested that the dam could fail.")).toBe('Ivo Karsk');
    expect(speakerOf("But Karsk's comments suggested that the dam could fail.")).toBe('Karsk');
    // Not a speech the subject does something to: its owner is not who speaks.
    expect(speakerOf("Organizers of the push to boycott Halden's Brea speech said they are worried about the event.")).not.toBe('Halden');
  });

  it('reads "DEAR ANA LIMA:" as the salutation of a letter to her, not a transcript label of what she says', () => {
    const letter = extractStatements(['DEAR ANA LIMA: My husband just bought plane tickets to Brea. He is sitting in business class, while I am in economy.']);
    expect(letter.map((statement) => statement.speaker)).not.toContain('ANA LIMA');
  });

  it('takes a body of the same kind that a noun describes otherwise for another body ("the landowner council")', () => {
    const paragraphs = ['The Halden Water Council said it would seek a fair share of the river.', 'The landowner council said the offer went too far.', 'The council said it would meet again.'];
    const said = extractStatements(paragraphs, { speakers: ['Halden Water Council'] });
    expect(said.map((statement) => statement.speaker)).toEqual(['Halden Water Council', 'landowner council', 'Halden Water Council']);
  });

  it('keeps a plural possessive between the capitals of one name ("the Transport and General Workers’ Union said")', () => {
    expect(speakerOf('The Transport and General Workers’ Union said the dam could fail.')).toBe('Transport and General Workers’ Union');
    expect(speakerOf('The drivers’ union said the dam could fail.')).toBe('drivers’ union');
    // Not a person's possessive before a common noun: "Reyes' health care math" is no one who speaks.
    const math = extractStatements(["The Halden campaign says progressives agree Reyes' health care math doesn't add up and that Reyes reversed his prior commitment not to raise taxes."]);
    expect(math.map((statement) => statement.speaker)).toEqual(['Halden campaign']);
  });

  it('names a person a body has by what they do, not the body ("Halden’s chief medical examiner concluded …")', () => {
    expect(speakerOf('Before Halden’s chief medical examiner concluded that the man drowned, his death was shadowed by rumours.')).toBe('Halden’s chief medical examiner');
    expect(speakerOf('Brevolt’s critics say the dam could fail.')).toBe('Brevolt’s critics');
    // What a body proposes is still the body's.
    expect(speakerOf('Halden’s offer calls for a new dam.')).toBe('Halden');
  });

  it('names a body without the description before its name ("Power company Brevolt Energy said")', () => {
    expect(speakerOf('Power company Brevolt Energy said the dam could fail.')).toBe('Brevolt Energy');
    expect(speakerOf('The Bank of Norvale said the dam could fail.')).toBe('Bank of Norvale');
  });

  it('names an envoy by the title and who sent them, never as the place they are sent to', () => {
    expect(speakerOf('Norvale’s ambassador to Halden warned that the dam could fail.')).toBe('Norvale’s ambassador to Halden');
    expect(speakerOf('The Brea ambassador to the United Nations said the dam could fail.')).toBe('Brea ambassador to United Nations');
    expect(speakerOf('Norvale’s ambassador to Halden Ivo Karsk said the dam could fail.')).toBe('Ivo Karsk');
  });

  it('names people who post on a platform by the platform, not as the platform itself', () => {
    expect(speakerOf('One user on Brevolt posted: “The dam could fail.”')).toBe('user, Brevolt');
    expect(speakerOf('A Brevolt user wrote that the dam could fail.')).toBe('Brevolt user');
    expect(speakerOf('“The dam could fail,” wrote one commenter.')).toBe('commenter');
    expect(speakerOf('Many users said the dam could fail.')).toBe('users');
    // Users with nothing that says which are everyone who uses something: the writer's generalisation, no source.
    expect(extractStatements(['Users rightly expect to buy a laptop and use it for several years.'])).toEqual([]);
    // "on" ties a role to a name, not to a place: "leaders on the ground" are not the ground's.
    const grounded = extractStatements(['But several party leaders on the ground told the Herald that in private, the mayor has shown an interest in the dam.']);
    expect(grounded.map((statement) => statement.speaker)).not.toContain('party leaders, ground');
  });

  it('takes the whole name of a body that lists what it is for ("the Ministry of Trade, Industry and Energy said")', () => {
    expect(speakerOf('The Ministry of Trade, Industry and Energy said the dam could fail.')).toBe('Ministry of Trade, Industry and Energy');
    expect(speakerOf('Norvale’s Ministry of Water, Land and Energy has unveiled a plan to repair the dam.')).toBe('Norvale’s Ministry of Water, Land and Energy');
    expect(speakerOf('The Committee on Rivers, Lakes and Dams said the dam could fail.')).toBe('Committee on Rivers, Lakes and Dams');
  });

  it('names a group by its kind of people and what qualifies them, not by a capitalised quantifier or the qualifier alone', () => {
    // Capitalised at the start of a sentence, a quantifier reads as a proper noun; a party or a country before a plural
    // role is what kind of senators or strategists they are, not a body that speaks.
    expect(speakerOf('Several Labour councillors said they would oppose the budget unless the levy was cut.')).toBe('Labour councillors');
    expect(speakerOf('Many Liberal senators said they would vote against the bill.')).toBe('Liberal senators');
    expect(speakerOf('Some Green strategists predict that support will fall if the levy passes.')).toBe('Green strategists');
    expect(speakerOf('The Conservative candidates said they would scrap the tax.')).toBe('Conservative candidates');
  });

  it('names a person by their role at a body the capitals name, not the body ("The Halden Post founder argued …")', () => {
    expect(speakerOf('The Halden Post founder always argued that his fear of extradition was why he had fled.')).toBe('Halden Post founder');
    expect(speakerOf('In May, a Halden District Court judge sided with the council, saying the levy broke the law.')).toBe('Halden District Court judge');
  });

  it('leaves an age out of a source without a name ("the 71-year-old diplomat said" is the diplomat)', () => {
    expect(speakerOf('The 71-year-old diplomat said the treaty would not be signed this year.')).toBe('diplomat');
  });

  it('names sources among bodies counted by their role alone ("lawmakers in both parties" are lawmakers)', () => {
    expect(speakerOf('Lawmakers in both parties said they would oppose the tariff.')).toBe('Lawmakers');
    expect(speakerOf('Officials in the two capitals said the talks would resume in May.')).toBe('Officials');
    // One body, or what the source is made of or backs, stays in the label.
    expect(speakerOf('Officials in the ministry said the talks would resume in May.')).toBe('Officials, ministry');
    expect(speakerOf('Officials with the ministry said the talks would resume in May.')).toBe('Officials, ministry');
    expect(speakerOf('Officials with knowledge of the talks said they would resume in May.')).toBe('Officials with knowledge of talks');
    // After the verb or "according to" too, and with a pronoun for what they are close to.
    expect(speakerOf('The talks will resume in May, said a person familiar with the talks.')).toBe('person familiar with talks');
    expect(speakerOf('The talks will resume in May, according to people familiar with the talks.')).toBe('people familiar with talks');
    expect(speakerOf('Mayor Ana Lima will run again, according to two people close to her.')).toBe('people close to her');
    expect(speakerOf('People familiar with her thinking say Mayor Ana Lima will run again.')).toBe('People familiar with thinking');
    expect(speakerOf('Supporters of abortion rights said the ruling would galvanize their campaign.')).toBe('Supporters, abortion rights');
  });

  it('gives what witnesses, protesters, investigators or rebels said to them, as a source without a name', () => {
    expect(speakerOf('Witnesses said the bus left the road before the bridge.')).toBe('Witnesses');
    expect(speakerOf('Protesters said they would block the depot unless the levy was dropped.')).toBe('Protesters');
    expect(speakerOf('The investigators said the dam had not been inspected since 2019.')).toBe('investigators');
    expect(speakerOf('The mediators said the second round would also cover the depot.')).toBe('mediators');
    // An armed group speaks as what it is, after "but" too.
    expect(speakerOf('The two sides exchanged 200 prisoners on Tuesday, but the rebels said the next stage must include civilians.')).toBe('rebels');
  });

  it('gives "they" at the head of a clause to the group or body that spoke just before, and to no one else', () => {
    const found = extractStatements(['The mediators said the talks would resume. They said the first round would cover prisoners.', 'Ana Lima and Tom Reyes met on Monday. They said the levy must go.']);
    expect(found.map((statement) => `${statement.speaker}: ${statement.claim}`)).toEqual([expect.stringMatching(/^mediators: .*resume/), expect.stringMatching(/^mediators: .*prisoner/)]);
    // In a transcript's turn, a "they" that stands for no body just named is the speaker's word.
    const turn = extractStatements(['Mayor Ana Lima spoke at the council on Monday.', 'LIMA: People are scared. They want safe streets.']);
    expect(turn.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Ana Lima']);
    expect(speakerOf('Proponents of the levy, however, say it would keep the depot open.')).toBe('Proponents, levy');
    expect(speakerOf('Skeptics say the levy would not keep the depot open.')).toBe('Skeptics');
    expect(speakerOf('The management of the port said it would not raise pay.')).toBe('management, port');
    expect(speakerOf('In a letter to members, the union’s leadership said the strike would continue.')).toBe('union’s leadership');
    // Whom a statement accuses is not its source.
    expect(speakerOf('Councillor Ivo Pelt issued a statement that, while welcoming the audit, accused the party leadership of stalling.')).toBe('Ivo Pelt');
  });

  it('gives what a business or an institution said to it by its kind ("the airline said", "the bank said in a filing")', () => {
    expect(speakerOf('The airline said it remained committed to reaching a deal.')).toBe('airline');
    expect(speakerOf('The bank said in a filing that it would cut its dividend unless profits rose.')).toBe('bank');
    expect(speakerOf('In a statement, the hospital said it would not close the ward.')).toBe('hospital');
    expect(speakerOf('The automaker said it would close two plants.')).toBe('automaker');
  });

  it('gives what a legislature, a guard or a group said to the body, not to the place or person that owns it', () => {
    expect(speakerOf('Marenne’s provincial assembly on Tuesday called on the government to take control of the dam.')).toBe('Marenne’s provincial assembly');
    expect(speakerOf('Kessel’s coast guard said it would board any vessel that stayed.')).toBe('Kessel’s coast guard');
    expect(speakerOf('The group said in a statement that it would sue unless the permit was withdrawn.')).toBe('group');
    expect(speakerOf('The foundation said it would return the donation.')).toBe('foundation');
    expect(speakerOf('In Tarrow, the residents coalition said it would press for a benefits agreement.')).toBe('residents coalition');
    expect(speakerOf('The club said it would not pay for the garage.')).toBe('club');
  });

  it('takes no pronoun that opens a sentence for a body ("Everything is on the table,” Lima told …" is no body "Everything")', () => {
    const found = extractStatements(['“We will look at it all. Everything is on the table,” Mayor Ana Lima told the Gazette after hinting that “cuts” could come.']);
    expect(found.map((statement) => statement.speaker)).not.toContain('Everything');
  });

  it('names a person the name finder does not know by the capitalised words after their title, not as a body', () => {
    expect(speakerOf('Councillor Ivo Pelt took to Twitter to say the depot must be sold.')).toBe('Ivo Pelt');
    expect(speakerOf('The Associated Press reported that the depot must be sold.')).toBe('Associated Press');
  });

  it('gives "a spokeswoman for the mayor said" to the spokeswoman, not to nobody', () => {
    expect(speakerOf('A spokeswoman for the mayor said the levy must be cut before the vote.')).toBe('spokeswoman, mayor');
  });

  it('reads no person in a lone capitalised word after "the" ("officials at the Treasury said")', () => {
    expect(speakerOf('Officials at the Treasury said the levy must be cut before the vote.')).toBe('Officials, Treasury');
  });

  it('reads a body, not a person, in a title word before a body’s noun ("the Justice Ministry")', () => {
    expect(speakerOf('The Justice Ministry said it would appeal the ruling.')).toBe('Justice Ministry');
  });

  it('takes no day for a body ("Thursday’s meeting", "the Saturday debate")', () => {
    const speakers = extractStatements([
      'A person familiar with the planning for Thursday’s meeting said the board would vote on the levy.',
      'Farmers who watched the Saturday debate said they would not back the levy.',
    ]).map((statement) => statement.speaker);
    expect(speakers).not.toContain('Thursday');
    expect(speakers).not.toContain('Saturday');
  });

  it('keeps an institution’s name whole across "of" and "and", and reads no person in its last word', () => {
    expect(speakerOf('A spokesman for the Ministry of Agriculture and Fisheries told reporters that the quota must fall next year.')).toBe(
      'spokesman, Ministry of Agriculture and Fisheries',
    );
    expect(speakerOf('The Bank of Ireland said rates must rise before the summer.')).toBe('Bank of Ireland');
  });

  it('finds the speaker before an age or a party and state that an appositive follows ("Sato, 61, a farmer, said")', () => {
    const found = extractStatements([
      'Tom Sato, 61, a rice farmer from Eastvale, said the levy must be cut before the harvest.',
      'Sen. Ana Lima, D-N.M., a member of the budget committee, said the levy would stay.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Sato', 'Ana Lima']);
  });

  it('finds the speaker before an age and a relative clause ("Reyes, 61, who took office in June, said …")', () => {
    expect(speakerOf('Tom Reyes, 61, who took office in June, said the council would sue unless the fund was restored.')).toBe('Tom Reyes');
  });

  it('gives a statement to the person a place qualifies, not to the place ("Senator X of Ohio called on …")', () => {
    expect(speakerOf('Senator Alex Ortiz of Ohio called on the board to freeze fares.')).toBe('Alex Ortiz');
  });

  it('gives what people in a named place say to them, not to the place ("Analysts in Belgrin said")', () => {
    const found = extractStatements(['Belgrin said on Monday it would not sign.', 'Analysts in Belgrin said the weapons demand was aimed at voters.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Belgrin', 'Analysts, Belgrin']);
  });

  it('gives a statement to a person of an institution, however unusual the name ("Oren Vaszko of the University of Belgrin said")', () => {
    expect(speakerOf('Oren Vaszko of the University of Belgrin said the plan would fail.')).toBe('Oren Vaszko');
    // Nor is a name that ends in an organisation's head noun a person's ("the Workers Union").
    expect(speakerOf('Tom Reyes of the Workers Union said the plan would fail.')).toBe('Tom Reyes');
    // A plural's possessive mark and "and" inside the body's name do not end it.
    expect(speakerOf("Ivo Karsk of the Norvale Drivers' Union said the plan would fail.")).toBe('Ivo Karsk');
    expect(speakerOf("Ivo Karsk of the Timber and Building Workers' Union said the plan would fail.")).toBe('Ivo Karsk');
    // Capitals after "the" name a body, though no word of them says so; "he" is then the person, not the body.
    const body = extractStatements([
      'Ivo Karsk of the Halden Timber Exchange said the tolls were too high.',
      'The exchange wants the tolls cut by half, he said.',
    ]);
    expect(body.map((statement) => statement.speaker)).toEqual(['Ivo Karsk', 'Ivo Karsk']);
    // A title after "the" opens a person's name.
    expect(speakerOf('At the meeting, the Rev. Teva Ormin said the plan would fail.')).toBe('Teva Ormin');
    // A name the name finder does not know, described by an appositive that runs to the verb, is the person's.
    const described = extractStatements([
      'Ivo Karsk, executive director of the Norvale Riders Alliance, of which Norvale Rail is the largest member, said the group would back a challenge.',
      '“If Norvale Rail goes to court, the Alliance will be there with it,” he said.',
    ]);
    expect(described.map((statement) => statement.speaker)).toEqual(['Ivo Karsk', 'Ivo Karsk']);
    // A body that "of" goes on naming is no person, nor is a name inside another body's name.
    expect(speakerOf('The Hollywood Chamber of Commerce said the plan would fail.')).toBe('Hollywood Chamber of Commerce');
    const [quoted] = extractStatements(['The chairman of the Joint Chiefs of Staff, Gen. Joseph F. Dunford Jr., spoke on Monday.', 'He said the plan would fail.']);
    expect(quoted.speaker).toBe('Joseph F. Dunford');
  });

  it('gives "the company said" to the one body named whose name gives no kind, or to the one of them named last', () => {
    const speakers = ['Brevolt', 'Halden Rail Authority'];
    const found = extractStatements(
      [
        'Brevolt said on Monday it would appeal the ruling of the Halden Rail Authority.',
        'The authority said it would not extend the deadline.',
        'The company said it would sell the depot by May.',
        // "It" after a sentence that opens with the description is the body too.
        'The company has set three conditions. It wants the fares frozen until the review ends.',
      ],
      { speakers },
    );
    expect(found.map((statement) => statement.speaker)).toEqual(['Brevolt', 'Halden Rail Authority', 'Brevolt', 'Brevolt']);
    // Of two such bodies, the one named last; a business's own head word ("Group") says no other kind.
    const two = extractStatements(['Norvale Rail Group and Brevolt met on Monday.', 'Brevolt said it would bid. The company said it would not sell the depot.'], {
      speakers: ['Norvale Rail Group', 'Brevolt'],
    });
    expect(two.map((statement) => statement.speaker)).toEqual(['Brevolt', 'Brevolt']);
    // A name compromise knows for a business's ("Halden Power"), and "It said" right after the description.
    const named = extractStatements(
      ['Halden Power said on Monday it would appeal the ruling.', 'The company said it would sell the depot by May. It said it would not close the line.'],
      { speakers: ['Halden Power', 'Halden Rail Authority'] },
    );
    expect(named.map((statement) => statement.speaker)).toEqual(['Halden Power', 'Halden Power', 'Halden Power']);
  });

  it('gives a statement to the person of a place and the place it is in ("Tom Reyes of Norvale, Halden said")', () => {
    expect(speakerOf('Tom Reyes of Norvale, Halden said the plan would fail.')).toBe('Tom Reyes');
    expect(speakerOf('Tom Reyes of the University of Norvale, Halden said the plan would fail.')).toBe('Tom Reyes');
    const two = extractStatements(['In their book, Ana Lima and Tom Reyes of the University of Norvale, Halden suggest that the plan will fail.']);
    expect(two.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
    // Not a person whose "of" opens a phrase inside a clause before the comma.
    expect(speakerOf('Asked about a report by Tom Reyes of Norvale, Ana Lima said the plan would fail.')).toBe('Ana Lima');
  });

  it('gives "her spokesman" to the last woman named, not to a name of unmarked gender named after her ("… with Velmark farmers")', () => {
    const found = extractStatements([
      'Velmark said on Monday it would take the city to court.',
      'Mayor Ana Lima said the city would not share the water.',
      'But she ruled out any deal with Velmark farmers before the rains.',
      'Her spokesman, Tom Reyes, said the city could wait.',
    ]);
    expect(found.at(-1)).toMatchObject({ speaker: 'Tom Reyes', speaksFor: 'Ana Lima' });
  });

  it('gives what unnamed aides say of the person they name right after the verb to that person ("Aides said Lima will …")', () => {
    const [aides] = extractStatements(['Aides said Mayor Ana Lima will make the case for the levy on Monday.']);
    expect(aides).toMatchObject({ speaker: 'Aides', speaksFor: 'Ana Lima' });
    // Whose remark it is is not whose aides they are.
    const [remark] = extractStatements(['Mayor Ana Lima spoke on Monday.', 'Senate aides said Lima’s remark was not based on the report.']);
    expect(remark?.speaksFor).toBeUndefined();
    // Aides a label names as another's are that other's.
    const [rivals] = extractStatements(['Mayor Ana Lima spoke on Monday.', 'Reyes aides said Lima would lose the vote.']);
    expect(rivals?.speaksFor).not.toBe('Ana Lima');
    // And speak for that other where the article names them in full, as "his aides" speak for him.
    const named = extractStatements(['Mayor Ana Lima met Tom Reyes on Monday.', 'Tom Reyes’s senior aides said the levy must fall.', 'Lima advisers said the levy would stay.']);
    expect(named.map((statement) => statement.speaksFor)).toEqual(['Tom Reyes', 'Ana Lima']);
    // A surname that ends in "s" is not made singular.
    const [sanders] = extractStatements(['Mayor Dana Sanders met Tom Reyes on Monday.', 'Sanders advisers said the levy would stay.']);
    expect(sanders?.speaksFor).toBe('Dana Sanders');
  });

  it('gives what an ad or its narrator says to whoever runs the ad, as the article names them where it brings the ad up', () => {
    const found = extractStatements([
      'Mayor Ana Lima will unveil her second ad of the race on Monday. It contrasts her plan with Tom Reyes’s.',
      '“In Tom Reyes’s city, fares go up. Buses run late,” says a narrator.',
      'The narrator continues that, in “Ana Lima’s city, fares stay low.”',
      'Reyes is releasing a new radio ad as well.',
      'The ad says “nothing will change until the council rejects the levy.”',
      'Last week, he released a web ad with clips of the mayor.',
      '“We need a mayor who keeps the buses running,” the announcer says.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['narrator', 'Ana Lima'],
      ['narrator', 'Ana Lima'],
      ['ad', 'Tom Reyes'],
      ['announcer', 'Tom Reyes'],
    ]);
    // An ad whose label names its sponsor is theirs; one brought up with no sponsor is no one's guess.
    const named = extractStatements(['Mayor Ana Lima and Tom Reyes met on Monday.', 'In Ana Lima’s city, a Reyes ad says, “fares go up.”']);
    expect(named.at(-1)).toMatchObject({ speaker: 'Reyes ad', speaksFor: 'Tom Reyes' });
    const unowned = extractStatements(['Mayor Ana Lima met Tom Reyes on Monday.', 'A new ad went up on Tuesday.', '“The mayor has failed the city,” the narrator says.']);
    expect(unowned.at(-1)?.speaksFor).toBeUndefined();
  });

  it('gives a verb after "and" in a clause of time to that clause\'s subject ("… as she spoke of … and urged voters to …")', () => {
    const found = extractStatements([
      'Mayor Ana Lima spoke on Monday.',
      'Lima’s eyes welled with tears as she spoke of her faith in the city and urged voters to back the levy.',
      'The crowd cheered as Tom Reyes walked in and urged the council to act.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'demand'],
      ['Tom Reyes', 'demand'],
    ]);
    // Not across a comma: the clause of time has ended.
    expect(extractStatements(['Mayor Ana Lima spoke on Monday.', 'The crowd cheered as she spoke, and urged the council to act.'])).toEqual([]);
  });

  it('reads a stance in a relative clause after a name as that person\'s ("Lima, who endorsed Reyes on Thursday, is …")', () => {
    const [found] = extractStatements(['But Mayor Ana Lima, who endorsed Tom Reyes on Thursday, is making her pitch to the suburbs.']);
    expect(found).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
    expect(extractStatements(['Tom Reyes, who has long opposed the levy, spoke on Monday.'])[0]?.speaker).toBe('Tom Reyes');
    // Not a stance told as before the story, nor a passive.
    expect(extractStatements(['Tom Reyes, who had opposed the levy, spoke on Monday.'])).toEqual([]);
    expect(extractStatements(['Tom Reyes, who’d endorsed the levy, spoke on Monday.'])).toEqual([]);
    expect(extractStatements(['Tom Reyes, who was backed by the union, spoke on Monday.'])).toEqual([]);
  });

  it('reads stances told by idiom: balking, drawing a line, openness signalled, withheld or declined, taken issue with, joined, echoed, lobbied for', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima balked at the union’s demand for a 9 percent raise.')).toEqual(['Ana Lima: refusal']);
    expect(read('Lima drew a line at any cut to night service.')).toEqual(['Ana Lima: refusal']);
    expect(read('Lima signaled openness to a shorter contract.')).toEqual(['Ana Lima: offer']);
    expect(read('Lima has yet to endorse the plan.')).toEqual(['Ana Lima: refusal']);
    expect(read('Lima declined to endorse the plan.')).toEqual(['Ana Lima: refusal']);
    expect(read('Lima took issue with the council’s figures.')).toEqual(['Ana Lima: position']);
    expect(read('Lima joined the union in calling for a pause.')).toEqual(['Ana Lima: demand']);
    expect(read('Lima is joining her running mate Tom Ward in calling for a recount.')).toEqual(['Ana Lima: demand']);
    expect(read('Lima echoed the union’s call for a pause.')).toEqual(['Ana Lima: demand']);
    expect(read('Lima renewed her push for the levy.')).toEqual(['Ana Lima: position']);
    expect(read('Lima is lobbying lawmakers to pass the levy.')).toEqual(['Ana Lima: demand']);
    expect(read('Lima is campaigning against the levy.')).toEqual(['Ana Lima: position']);
    // Declining to comment stays a claim; a line drawn on a map is no stance.
    expect(read('Lima declined to comment on the plan.')).toEqual(['Ana Lima: claim']);
    expect(read('The surveyors drew a line on the map.')).toEqual([]);
  });

  it('gives "Lima\'s campaign manager, Tom Ward, said" to the name set off after any description, a surname wink reads as a verb too', () => {
    const speakers = (sentence: string) => extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => statement.speaker);
    expect(speakers('Lima’s campaign manager, Tom Ward, said the mayor would not quit the race.')).toEqual(['Tom Ward']);
    expect(speakers('Her campaign manager, Tom Ward, told reporters the mayor would not quit the race.')).toEqual(['Tom Ward']);
    // A name's last word wink reads as a verb, before a comma: "according to Coast Watch, …".
    expect(speakers('According to Coast Watch, the city will not raise fares.')).toEqual(['Coast Watch']);
  });

  it('reads a stance begun, kept up or continued ("began dismissing", "has kept calling for") as taken, not one stopped', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Then Lima began dismissing the notion that the levy had failed.')).toEqual(['Ana Lima: position']);
    expect(read('Lima has kept calling for a freeze on fares.')).toEqual(['Ana Lima: demand']);
    expect(read('Lima started supporting the levy in May.')).toEqual(['Ana Lima: position']);
    // Stopping gives a stance up; beginning to speak takes none; a past perfect is background.
    expect(read('Lima stopped calling for a freeze on fares.')).toEqual([]);
    expect(read('Lima began speaking at noon.')).toEqual([]);
    expect(read('Lima had begun attacking the council by then.')).toEqual([]);
  });

  it('reads being concerned or worried that something will happen as a concern, not "worried by" or what worries someone else', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima is concerned that the plan will raise costs.')).toEqual(['Ana Lima: concern']);
    expect(read('Lima worries that the plan would raise costs.')).toEqual(['Ana Lima: concern']);
    expect(read('Lima has long worried about the cost of the plan.')).toHaveLength(1);
    // Worrying someone else takes no stance.
    expect(read('Lima worried the council with her plan to sell the depot.')).toEqual([]);
  });

  it('reads challenging another\'s claim and pressing someone to act as the subject\'s stances, not the claim owner\'s', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima and her rival Tom Reyes met on Monday.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima challenged Reyes’s claim that the levy had failed.')).toEqual(['Ana Lima: position']);
    expect(read('Lima pressed Reyes to release his tax returns.')).toEqual(['Ana Lima: demand']);
    // Pressing on is going on; a statement the owner made is still theirs where no one else acts on it.
    expect(read('Lima pressed on to the next town.')).toEqual([]);
    expect(read('Reyes’s offer to cut fares was rebuffed by the council.')).toEqual(['Tom Reyes: offer']);
  });

  it('reads past a long opening phrase that names where the subject spoke ("In animated remarks after meeting with …, Lima …")', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('In animated remarks after meeting with her budget committee at City Hall on Tuesday, Lima repeated her contention that the levy will only raise costs.')).toEqual(['Ana Lima: position']);
    expect(read('At a rally in the old market hall after a week of hearings on the budget, Lima repeated her contention that the levy will only raise costs.')).toEqual(['Ana Lima: position']);
    // Another opening phrase that long is still not skipped: its comma may close what was said.
    expect(read('In animated moods after meeting with her budget committee at City Hall on Tuesday, Lima repeated her contention that the levy will only raise costs.')).toEqual([]);
  });

  it('reads refusing or declining to rule something out as keeping it open, as "would not rule out" does, not as a refusal', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => [statement.kind, statement.polarity, statement.claim]);
    const open = read('Lima would not rule out a run for governor.');
    expect(open).toEqual([['position', 'positive', expect.any(String)]]);
    expect(read('Lima refused to rule out a run for governor.')).toEqual(open);
    expect(read('Lima declined to rule out a run for governor.')[0]?.slice(0, 2)).toEqual(['position', 'positive']);
    // Ruling it out, or refusing and declining anything else, is still a refusal.
    expect(read('Lima ruled out a run for governor.')[0]?.slice(0, 2)).toEqual(['refusal', 'negative']);
    expect(read('Lima refused to back the plan.')[0]?.slice(0, 2)).toEqual(['refusal', 'negative']);
    expect(read('Lima declined to back the plan.')[0]?.slice(0, 2)).toEqual(['refusal', 'negative']);
  });

  it('reads a stance held back ("stopped short of calling for …") as a negative position, not as the stance it names', () => {
    const read = (sentence: string) =>
      extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => [statement.kind, statement.polarity]);
    expect(read('Lima stopped short of calling for a ban on strikes.')).toEqual([['position', 'negative']]);
    expect(read('Lima praised the union but stopped short of endorsing its demand for a raise.')).toEqual([['position', 'negative']]);
    expect(read('Lima stopped short of committing to a new offer if the strike ends.')).toEqual([['position', 'negative']]);
    expect(read('Lima called for a ban on strikes.')).toEqual([['demand', 'positive']]);
  });

  it('reads "cautioned that …" as a concern, as "warned that …" is, but not "out of an abundance of caution"', () => {
    const [cautioned] = extractStatements(['Mayor Ana Lima cautioned that the talks could need more time than the law allowed.']);
    expect(cautioned).toMatchObject({ speaker: 'Ana Lima', kind: 'concern' });
    const [refunded] = extractStatements(['“Out of an abundance of caution, the campaign has refunded the gifts,” said Ana Lima.']);
    expect(refunded?.kind).not.toBe('concern');
  });

  it('reads a threat kept in hand ("reserves the right to respond") as a concern', () => {
    const [statement] = extractStatements(['Mayor Ana Lima said the city reserved the right to take the state to court.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'concern' });
  });

  it('reads stances made plain, championed, put forward or backed away from, and being against something', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima reiterated her frustration over the failure of the council to pass the levy.')).toEqual(['Ana Lima: position']);
    expect(read('Lima made no secret of her opposition to the levy.')).toEqual(['Ana Lima: position']);
    // A judgment passed by idiom, "had" the main verb wink reads as the auxiliary; "nothing but" praises.
    expect(read('Lima had harsh words for the council’s budget.')).toEqual(['Ana Lima: position']);
    const praise = extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', 'Lima had nothing but praise for the union.']);
    expect(praise.map((statement) => [statement.kind, statement.polarity])).toEqual([['position', 'positive']]);
    expect(read('Lima has endured criticism for her plan to sell the depot.')).toEqual([]);
    expect(read('Lima has long championed a higher minimum wage.')).toEqual(['Ana Lima: position']);
    expect(read('Lima advocated a ban on new tolls.')).toEqual(['Ana Lima: position']);
    expect(read('Lima put forward a plan to cut fares.')).toEqual(['Ana Lima: position']);
    expect(read('Lima rolled out a proposal for free transit.')).toEqual(['Ana Lima: position']);
    expect(read('Lima backed away from her pledge to cut fares.')).toEqual(['Ana Lima: position']);
    expect(read('Lima is against the levy.')).toEqual(['Ana Lima: position']);
    expect(read('Lima was against raising the levy.')).toEqual(['Ana Lima: position']);
    expect(read('Lima said she was against any new tax on fuel.')).toEqual(['Ana Lima: position']);
    // Backing off a stage, being up against a field, and what is against the law take no stance.
    expect(read('Lima backed off the stage.')).toEqual([]);
    expect(read('Lima is up against a strong field.')).toEqual([]);
    expect(read('Lima said the fee was against the law.')).toEqual(['Ana Lima: claim']);
    expect(read('Lima said the vote had been rigged against her.')).toEqual(['Ana Lima: claim']);
  });

  it('reads naming with "the" as a stance ("called the levy the city\'s best chance"), not a call made at a time', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima spoke to reporters on Monday.', sentence]).map((statement) => statement.kind);
    expect(read('Lima called the levy the city’s best chance.')).toEqual(['position']);
    expect(read('In an op-ed in the Gazette, Lima called him the worst governor in the state’s history.')).toEqual(['position']);
    expect(read('Lima called the union the next morning.')).toEqual([]);
    expect(read('Lima called Reyes the day before the vote.')).toEqual([]);
  });

  it('knows a person whose surname is a place word by a given name before it ("Ron Park", "Ed Lane"), not a place or a voter', () => {
    const speakers = (sentence: string) => extractStatements(['Mayor Ana Lima met the council on Monday.', sentence]).map((statement) => statement.speaker);
    expect(speakers('The city would not raise fares, said Ron Park, Lima’s chief of staff.')).toEqual(['Ron Park']);
    expect(speakers('Lima’s chief of staff, Ron Park, said the city would not raise fares.')).toEqual(['Ron Park']);
    expect(speakers('“Fares must not rise,” said Ed Lane, a council member.')).toEqual(['Ed Lane']);
    // A voter described by where they live stays a description.
    expect(speakers('“Fares must not rise,” said a South Carolina Democrat.')).not.toContain('Carolina Democrat');
  });

  it('reads "Neither X nor Y would say whether …" as saying nothing, a claim, not a stance of Y\'s', () => {
    const found = extractStatements(['Mayor Ana Lima and Ben Ortiz met on Monday.', 'Neither Lima nor Ortiz would say whether they would back the levy.']);
    expect(found.map((statement) => statement.kind)).toEqual(['claim']);
  });

  it('gives "her spokesman", "his campaign", "according to her office" to the person the pronoun stands for, not "her critics"', () => {
    const voice = (sentence: string) => extractStatements(['Mayor Ana Lima and Council President Ben Ortiz met on Monday.', sentence]).map((statement) => [statement.speaker, statement.speaksFor]);
    expect(voice('Her spokesman said Lima will veto the budget.')).toEqual([['spokesman', 'Ana Lima']]);
    expect(voice('His campaign said Ortiz will run again.')).toEqual([['campaign', 'Ben Ortiz']]);
    expect(voice('His party also wants an independent auditor for the budget.')).toEqual([['party', 'Ben Ortiz']]);
    expect(voice('Her senior aides said she will veto the budget.')).toEqual([['senior aides', 'Ana Lima']]);
    // A head noun in the plural is the same noun: not "spokesmen" cut to "spokesmen", nor "secretaries" to "secretarie".
    expect(voice('Her spokesmen said Lima will veto the budget.')).toEqual([['spokesmen', 'Ana Lima']]);
    expect(voice('Her press secretaries said Lima will veto the budget.')).toEqual([['press secretaries', 'Ana Lima']]);
    expect(voice('According to her office, Lima will veto the budget.')).toEqual([['office', 'Ana Lima']]);
    expect(voice('Lima will veto the budget, according to a statement from her office.')).toEqual([['office', 'Ana Lima']]);
    // Whose critics or supporters they are is not whom they speak for.
    expect(voice('His critics said Ortiz will lose the vote.')).toEqual([['critics', undefined]]);
  });

  it('reads a verb that otherwise closes quotations as reporting the "that"-clause it takes ("repeated since March that …")', () => {
    const read = (text: string) => extractStatements([text]).map((statement) => [statement.speaker, statement.kind]);
    expect(read('Ivo Pelt has repeated since election night that his party will not enter a coalition.')).toEqual([['Ivo Pelt', 'refusal']]);
    expect(read('The review board concluded that the city must repay the grant.')).toEqual([['review board', 'condition']]);
    expect(read('Ivo Pelt repeated that mistake in March.')).toEqual([]);
  });

  it('reads a verb that closes a quotation with a phrase of where it was said ("“…,” Lima added in an interview."), and "posted on Facebook that …"', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met the council.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('“The city will not raise fares,” Lima added in an interview.')).toEqual(['Ana Lima: refusal']);
    expect(read('“The city will not raise fares,” Lima noted in a statement to the Gazette.')).toEqual(['Ana Lima: refusal']);
    expect(read('The city will not raise fares, Lima added on Twitter.')).toEqual(['Ana Lima: refusal']);
    expect(read('“The city will not raise fares,” Lima added in a letter, which the Gazette has seen.')).toEqual(['Ana Lima: refusal']);
    expect(read('Lima posted on Facebook that the city would not raise fares.')).toEqual(['Ana Lima: refusal']);
    // The phrase is the stance's own, or the clause before the comma is an opening phrase.
    expect(read('Lima insisted on a public hearing.')).toEqual(['Ana Lima: demand']);
    expect(read('After a long debate, the council agreed on a plan.')).toEqual([]);
    expect(read('The city posted a loss of $2 million.')).toEqual([]);
  });

  it('reads a participle after a noun in an opening phrase as describing it ("In a string of new ads announced Wednesday, …")', () => {
    const speakers = (sentence: string) => extractStatements(['Mayor Ana Lima met Tom Reyes.', sentence]).map((statement) => statement.speaker);
    expect(speakers('In a string of new radio ads announced Wednesday, Reyes and his supporters talk about the plan to cut fares.')).not.toContain('new radio ads');
    expect(speakers('In a message posted in December, the account pointed to the fare rise as a mistake.')).toEqual([]);
    // A clause of its own before the main clause still reports.
    expect(speakers('As the Gazette reported, Lima will not raise fares.')).toEqual(['Gazette']);
  });

  it('reads denying what one is charged with, a red line and a floor, as positions ("denied the allegations", "said that was a red line", "said eighty turbines is the floor")', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met the council.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima denied the allegations of fraud.')).toEqual(['Ana Lima: position']);
    expect(read('Lima said that was a red line.')).toEqual(['Ana Lima: position']);
    expect(read('Lima said eighty turbines is the floor.')).toEqual(['Ana Lima: position']);
    expect(read('Lima said five percent was their ceiling.')).toEqual(['Ana Lima: position']);
    // What the law or a rule sets is no limit of the speaker's.
    expect(read('Lima said the wage was the minimum the law allows.')).toEqual(['Ana Lima: claim']);
    // "denied that …" reports what was denied, as before.
    expect(read('Lima denied that the city had lied.')).toEqual(['Ana Lima: claim']);
  });

  it('keeps the main verb\'s stance in a sentence that goes on "… but said …" ("The union welcomed the proposal but said it needed more detail")', () => {
    const read = (sentence: string) => extractStatements(['The union met the mediator on Monday.', sentence]).map((statement) => `${statement.kind}: ${statement.text}`);
    expect(read('The union welcomed the mediator’s proposal but said it needed more detail.')).toEqual([
      'position: The union welcomed the mediator’s proposal but said it needed more detail.',
    ]);
    // Declining to say something is no stance of the statement: what is said after "but" is.
    expect(read('The union declined to name its negotiators but said members would strike.')).toEqual([
      'position: The union declined to name its negotiators but said members would strike.',
    ]);
  });

  it('reads terms put on a stance as conditions, and a stance changed or held by idiom ("conditioned her support on", "walked back")', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met the transit union.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima made the fare freeze a condition of her support.')).toEqual(['Ana Lima: condition']);
    expect(read('Lima conditioned her support on a fare freeze.')).toEqual(['Ana Lima: condition']);
    expect(read('Lima tied her support for the levy to a fare freeze.')).toEqual(['Ana Lima: condition']);
    expect(read('Lima walked back her comments about the union.')).toEqual(['Ana Lima: position']);
    expect(read('Lima changed course on the levy after the poll.')).toEqual(['Ana Lima: position']);
    expect(read('Lima is sticking to her position on the levy.')).toEqual(['Ana Lima: position']);
    // Tying a boat to the dock, changing a tyre: no stance.
    expect(read('Lima tied the boat to the dock.')).toEqual([]);
  });

  it('reads "back" after a modal as the verb wink takes for an adverb ("would back the deal if …", "will not back him")', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met the union.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima would back the deal if the state pays half.')).toEqual(['Ana Lima: condition']);
    expect(read('Lima will not back him.')).toEqual(['Ana Lima: refusal']);
    expect(read('Lima said she would be back the following week.')).toEqual([]);
  });

  it('reads a verb wink takes for an adjective after a modal ("would welcome the move", "will clear the way for …")', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met the union.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima would welcome the move.')).toEqual(['Ana Lima: position']);
    expect(read('In return, Lima will clear the way for Reyes to run in the north.')).toEqual(['Ana Lima: offer']);
    expect(read('Lima will open the door to talks.')).toEqual(['Ana Lima: offer']);
    expect(read('Lima will close the depot.')).toEqual([]);
  });

  it('reads more forms of stating a stance: chiding, calling "this" a name, an email sent on a day, one\'s own partisanship, an aside after "that"', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met Tom Reyes and the union.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    expect(read('Lima chided Reyes for raising questions about the budget.')).toEqual(['Ana Lima: position']);
    expect(read('The Lima campaign calls this a false narrative.')).toEqual(['Lima campaign: position']);
    expect(read('The Lima campaign sent a fundraising email Wednesday saying that voters would back the levy.')).toEqual(['Lima campaign: position']);
    expect(read('Lima has said she is a strong supporter of the levy.')).toEqual(['Ana Lima: position']);
    expect(read('Lima praised the union for cutting costs - moves that she said saved the city money.')).toEqual(['Ana Lima: position']);
    expect(read('Associates say Lima will stay in the race.')).toEqual(['Associates: position']);
  });

  it('reads a participle hung on a clause in the past perfect as background ("For months, Lima had praised Reyes, stating …")', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met Tom Reyes.', sentence]).map((statement) => statement.kind);
    expect(read('For months, Lima had praised Reyes, stating there was a benefit to having him in the race.')).toEqual([]);
    expect(read('Lima praised Reyes, stating there was a benefit to having him in the race.')).toEqual(['position']);
  });

  it('reads a commitment held and an opposition reiterated as positions ("remained committed to the talks")', () => {
    const read = (sentence: string) => extractStatements(['Trade Minister Kenji Sato met his counterpart on Monday.', sentence]).map((statement) => statement.kind);
    expect(read('Sato’s ministry later issued a statement saying Japan remained committed to the talks.')).toEqual(['position']);
    expect(read('Sato reiterated Japan’s opposition to tariff-free beef.')).toEqual(['position']);
  });

  it('reads stances of judging, likening, doubting and holding a side ("is critical of", "likened the plan to", "held firm on")', () => {
    const read = (sentence: string) => extractStatements(['Mayor Ana Lima met the council on Monday.', sentence]).map((statement) => `${statement.speaker}: ${statement.kind}`);
    for (const sentence of [
      'Lima is critical of the council’s plan.',
      'Lima framed the vote as a test of the council’s nerve.',
      'Lima likened the plan to a tax hike.',
      'Lima questioned the need for a second vote.',
      'Lima poured cold water on the idea of a fare rise.',
      'Lima has cast doubt on the council’s figures.',
      'Lima signed on to the union’s plan.',
      'Lima came down on the side of the union.',
      'Lima held firm on the levy.',
      'Lima pressed for a second vote.',
      'Lima objected to the council’s plan.',
    ]) expect(read(sentence), sentence).toEqual(['Ana Lima: position']);
    // Seeing something as so is no naming of a stance; a race fought is no stance.
    expect(read('Residents see it as a strength that everyone is from somewhere else.')).toEqual([]);
    expect(read('Lima is fighting for second place.')).toEqual([]);
    // Holding out for terms is a demand; holding out for a time is none.
    expect(read('Lima is holding out for a second vote.')).toEqual(['Ana Lima: demand']);
    expect(read('Lima held out for three weeks.')).toEqual([]);
  });

  it('reads "continued that …" and "answered that …" as reports, not "continued that policy" or "answers that question"', () => {
    const found = extractStatements([
      'Mayor Ana Lima spoke on Monday.',
      'She continued that the city would not raise fares.',
      'The council continued that policy for years.',
      'How she answers that question will decide whether the city can raise fares.',
    ]);
    expect(found.map((statement) => statement.text)).toEqual(['She continued that the city would not raise fares.']);
  });

  it('gives what a seat of government says to the head the article names by its title ("White House officials say" for President Obama)', () => {
    const found = extractStatements([
      'President Anton Varga met the prime minister of Norland on Monday.',
      'White House officials say the arms sale was a natural step.',
      'White House press secretary Ola Berg said the president would not back down.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['White House officials', 'Anton Varga'],
      ['Ola Berg', 'Anton Varga'],
    ]);
    // Not a president of something else, nor a former one.
    const others = extractStatements([
      'Nina Holt, president of the Harbour Pilots Guild, met former President Tom Reyes on Monday.',
      'The White House said the sale was a natural step.',
    ]);
    expect(others.at(-1)?.speaksFor).toBeUndefined();
    const two = extractStatements(['President Anton Varga met President Ida Lenz on Monday.', 'The White House said the sale was a natural step.']);
    expect(two.at(-1)).toMatchObject({ speaker: 'White House' });
    expect(two.at(-1)?.speaksFor).toBeUndefined();
  });

  it('never reads "the party" as someone whose role merely names the party ("Party leader Tom Reyes")', () => {
    const found = extractStatements([
      'Alliance leader Ana Lima said she would seek a coalition, but the smaller party said it would not join unless the tax plan was scrapped.',
      'The Greens offered themselves as a partner. Party leader Tom Reyes said the party was ready to talk.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'smaller party', 'Greens', 'Tom Reyes']);
  });

  it('records whom a named spokesperson speaks for, in the ways wire copy names one, an institution by its common noun too', () => {
    const found = extractStatements([
      'Gov. Teresa Vallin and Gov. Marco Aldana met in May.',
      'Her spokeswoman, Lena Ostrova, said the province would not sign.',
      'An Aldana spokesman, Tomas Brel, said the offer was welcome.',
      'Nina Holt, a spokeswoman for Gov. Teresa Vallin, said the cap would stay.',
      'Pavel Kors, Aldana’s spokesman, said the test was not a formality.',
      'Ida Lenz, a farmer near the border, said the river was too low.',
      'A ministry spokeswoman, Carla Brandt, said the ministry would not reopen the figure this year.',
      // A body before the role with the name that owns it: "the Vallin campaign", "the Kessel energy ministry".
      'Vallin campaign spokesman Ola Berg said the campaign would not run advertisements this year.',
      'Kessel energy ministry spokeswoman Eva Lund said the ministry would publish the figures next week.',
      // The owner of a body after "for", and a name set off after the role that the name finder does not know.
      'A spokeswoman for Marenne’s water ministry, Oona Restel, said the gates would stay open until May.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['Lena Ostrova', 'Teresa Vallin'],
      ['Tomas Brel', 'Marco Aldana'],
      ['Nina Holt', 'Teresa Vallin'],
      ['Pavel Kors', 'Marco Aldana'],
      ['Ida Lenz', undefined],
      ['Carla Brandt', 'ministry'],
      ['Ola Berg', 'Teresa Vallin'],
      ['Eva Lund', 'Kessel energy ministry'],
      ['Oona Restel', 'Marenne'],
    ]);
  });

  it('gives a statement to the name before an appositive, not to the place the appositive names ("a driver from Ava, Mo.,")', () => {
    const found = extractStatements([
      'Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he would vote for the mayor.',
      'Cecelia Purner, 67, a retired nurse in Allentown, Pa., said the plan was a disgrace.',
      'Tom Fitton, the president of Judicial Watch, a conservative group, said the group would sue.',
      'Rep. Lee Zeldin of New York, a supporter of the plan, said it would help the port.',
      'Cory James, 22, of Flint, Mich., said he would not vote for the mayor.',
      // A party and state before a participle clause: the verb's subject is still the name ("said Reyes failed").
      'Sen. Ana Ruiz, R-Fla., appearing on television after the speech, said Reyes failed to address the port.',
      // The commas of a list inside the appositive set nothing off.
      'Ina Kirsch, assistant secretary for ports, fisheries, and coastal shipping, said the port would stay open.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Paul Porter', 'Cecelia Purner', 'Tom Fitton', 'Lee Zeldin', 'Cory James', 'Ana Ruiz', 'Ina Kirsch']);
  });

  it('reads "Rev." as a title, not a sentence end, where wink splits its full stop ("said Rev. Ola Brandt, a pastor")', () => {
    const found = extractStatements(['“We will not march until the city pays,” said Rev. Ola Brandt, then senior pastor at the Harbour Church in Ft. Worth.']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ speaker: 'Ola Brandt', text: expect.stringMatching(/Ft\. Worth\.$/) });
  });

  it('keeps a hyphenated surname whole where the name finder cuts it at the hyphen ("Lt. Gov. Tomas Ruiz-Montero")', () => {
    const found = extractStatements([
      'If he were elected, Lt. Gov. Tomas Ruiz-Montero would support the plan.',
      'Later, Ruiz-Montero said the state would not pay.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tomas Ruiz-Montero', 'Tomas Ruiz-Montero']);
    // A quotation the hyphenated surname closes.
    const [closing] = extractStatements(['Lt. Gov. Tomas Ruiz-Montero spoke on Monday.', '“The state will not pay for the plan,” Ruiz-Montero said.']);
    expect(closing).toMatchObject({ speaker: 'Tomas Ruiz-Montero', kind: 'refusal' });
  });

  it('reads the end of a hyphenated word ("Orrin-Vale indicated", "the chief of Orrin-Vale added") as no person of its own', () => {
    expect(speakerOf('Orrin-Vale indicated it would give $75,000 to the fund.')).toBe('Orrin-Vale');
    expect(speakerOf('But, the former chief executive of Orrin-Vale added, the fund would not be enough.')).toBe('former chief executive, Orrin-Vale');
  });

  it('gives "after telling …", "upon saying …" and "by urging …" to the clause’s subject, not to a name after its verb', () => {
    const found = extractStatements([
      'Mayor Ana Lima was booed after telling reporters that the levy must be cut.',
      'Tom Reyes drew cheers upon saying, “The council will not sell the docks.”',
      'Union leaders were careful not to anger Mayor Lima by urging her to drop the levy.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'condition'],
      ['Tom Reyes', 'refusal'],
      ['Union leaders', 'demand'],
    ]);
  });

  it('gives "…, with Mayor Ana Lima calling it “a tax on families”" to the name after "with", the participle’s own subject', () => {
    const found = extractStatements([
      'Councillors were angry about the levy, with Mayor Ana Lima calling it “a tax on families.”',
      'The council met on Monday, with former Councillor Tom Reyes saying the levy must be cut.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'position'],
      ['Tom Reyes', 'condition'],
    ]);
  });

  it('gives "…, with the union signaling …" to the body after "with", but not named outlets calling a race', () => {
    const found = extractStatements([
      'The district and the union released statements on Wednesday, with the union signaling it would accept larger classes.',
      'Reyes won the primary, with Fox News and NBC News calling the race an hour after polls closed.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['union', 'position']]);
  });

  it('reads what someone’s statement or offer says as theirs when the sentence reports nothing else, without making them the last speaker', () => {
    const found = extractStatements([
      'Mayor Tom Reyes said the council would meet on Friday.',
      'Reyes’s offer to cut the levy was rebuffed by the council.',
      'The council was told of Sam Lima’s statement on Wednesday that the docks must be sold.',
      '“We will not sell them,” he added.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Tom Reyes', 'position'],
      ['Tom Reyes', 'offer'],
      ['Sam Lima', 'condition'],
      ['Tom Reyes', 'refusal'],
    ]);
    // A name or pronoun that owns no statement noun states nothing.
    expect(extractStatements(['Mayor Tom Reyes spoke.', 'Reyes’s car was parked outside the hall on Monday.'])).toEqual([]);
  });

  it('gives a ", saying" to the subject after an opening adjunct ("Here in Ostrel, Lima …"), not to a name in it', () => {
    const found = extractStatements([
      'Mayor Ana Lima spoke in Ostrel on Monday.',
      'Here in Ostrel, Lima stepped up her attacks on the port plan, saying, “We will not sell the docks.”',
      'Like Reyes, Lima also rejected the plan, saying the city would not pay for it.',
      'And then Lima went on the attack, saying the board would not survive the vote.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Ana Lima', 'Ana Lima']);
  });

  it('reads "added to People", "said to Reuters" as said to an outlet, not as an infinitive', () => {
    const found = extractStatements([
      'According to the Courier, Mayor Ana Lima will not back the plan.',
      '“The city will not pay for the docks,” Lima added to People.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Courier', 'Ana Lima']);
    expect(found[1].claim.split(' ')).toContain('dock');
  });

  it('gives an inverted "said X campaign manager Y" to Y, not to X', () => {
    const found = extractStatements([
      'Mayor Ana Lima spoke on Tuesday.',
      '“This is simple: what the governor is doing is dangerous,” said Lima campaign manager Tom Reyes in a statement.',
      '“We will not pay,” said Lima on Wednesday.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Ana Lima']);
  });

  it('reads a verb of saying in the present that wink takes for a plural noun as the verb ("Lima claims that …")', () => {
    const found = extractStatements([
      'Mayor Ana Lima claims that the city is fine with the plan.',
      'She claims her boss is fine with the plan.',
      'The Daily Courier reports the levy will rise in May.',
      // Nouns all the same: owned by a name, before a verb, or "states".
      'Despite Lima’s claims that the fund is full, the audit found a gap.',
      'The Lima claims were false.',
      'Western states that rely on the river would lose most.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.claim])).toEqual([
      ['Ana Lima', 'city fine plan'],
      ['Ana Lima', 'boss fine plan'],
      ['Daily Courier', 'levy rise'],
    ]);
  });

  it('reads a present form after a quotation and its speaker\'s name as the verb ("“…,” Conway notes.")', () => {
    const found = extractStatements(['Mayor Ana Holt and her adviser Kay Conway met the council.', '“Look at the statement the council put out after the floods,” Conway notes.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Kay Conway']);
  });

  it('reads "continued" as saying only after a speaker ("…, Reyes continued"), not "while negotiations continued"', () => {
    const [suspend] = extractStatements([
      'In a statement, Paul Dravecky called the package “a serious offer” and said the authority would suspend any move against the concession while negotiations continued.',
    ]).filter((statement) => statement.text.includes('suspend'));
    expect(suspend).toMatchObject({ speaker: 'Paul Dravecky' });
    expect(suspend.text).toMatch(/while negotiations continued\.?$/);
    const [continued] = extractStatements(['Mayor Tom Reyes spoke on Monday.', '“The city will not pay for the pipes,” Reyes continued.']);
    expect(continued).toMatchObject({ speaker: 'Tom Reyes', kind: 'refusal' });
  });

  it('reads "while" and a stance verb’s -ing form as the subject’s stance ("toured the depot while skewering …")', () => {
    const [skewering] = extractStatements(['Mayor Ana Lima toured the depot on Monday while skewering the governor as an enemy of bus riders.']);
    expect(skewering).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
    expect(skewering.claim.split(' ')).toContain('governor');
    expect(extractStatements(['Mayor Ana Lima toured the depot on Monday while waiting for the governor.'])).toEqual([]);
  });

  it('reads the main verb’s stance when every verb of saying is an aside ("which he said …", "according to people …")', () => {
    const [wants, rejected] = extractStatements([
      'Paul Dravecky wants the city to waive the permit fees it levies on every dig, which he said cost the utility about $2,900 a property.',
      'The transit board rejected the union’s proposal for a four-day week, according to people familiar with the talks.',
    ]);
    expect(wants).toMatchObject({ speaker: 'Paul Dravecky', kind: 'demand' });
    expect(wants.claim.split(' ')).toEqual(expect.arrayContaining(['waive', 'fee', '2900']));
    expect(rejected).toMatchObject({ speaker: 'transit board', kind: 'refusal' });
    expect(rejected.claim.split(' ')).not.toContain('familiar');
    // A clause of time or reason after the stance tells what led to it.
    const [gave] = extractStatements(['President Ivo Pelt gave the parties until June 15 to agree, extending the mandate after the mediator reported that talks had stalled.']);
    expect(gave).toMatchObject({ speaker: 'Ivo Pelt', kind: 'demand' });
  });

  it('reads the main verb’s stance when an anonymous source is cited after it (", two of the people said")', () => {
    const found = extractStatements([
      'The Norvale Rovers rejected the council’s offer of a 20-year lease, people briefed on the talks said.',
      'The Tarrow Hawks have dropped their request for a new parking garage, two of the people said.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind, Boolean(statement.withdrawn)])).toEqual([
      ['Norvale Rovers', 'refusal', false],
      ['Tarrow Hawks', 'condition', true],
    ]);
    expect(found[1].claim.split(' ')).not.toContain('2');
    // "one of them", after people no one names, is one of those people.
    const [ofThem] = extractStatements(['Two people briefed on the talks said the gap had narrowed. The Tarrow Hawks have raised their offer to 30 million, one of them said.']).slice(-1);
    expect(ofThem).toMatchObject({ speaker: 'Tarrow Hawks', kind: 'offer' });
    // A source's request for anonymity says why it is not named, not what anyone holds.
    const asides = [
      'The Tarrow Hawks have raised their offer to 30 million, the people said, asking not to be identified because the talks are private.',
      'The Tarrow Hawks have raised their offer to 30 million, according to two people familiar with the talks, who asked not to be named.',
    ].flatMap((sentence) => extractStatements([sentence]));
    expect(asides.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Tarrow Hawks', 'offer'],
      ['Tarrow Hawks', 'offer'],
    ]);
    expect(asides.map((statement) => statement.claim.split(' ')).flat()).not.toContain('identify');
    // Asking to be named to a post is a demand.
    expect(extractStatements(['Senator Alex Ortiz has asked to be named chair of the committee.'])[0]).toMatchObject({ speaker: 'Alex Ortiz', kind: 'demand' });
    // Officials no one says whose, or known by what they know, are as anonymous.
    expect(speakerOf('The Norvale Rovers rejected the council’s offer, officials said on Monday.')).toBe('Norvale Rovers');
    expect(speakerOf('The Norvale Rovers rejected the council’s offer, according to two officials briefed on the talks.')).toBe('Norvale Rovers');
    expect(speakerOf('The Norvale Rovers rejected the council’s offer, according to officials.')).toBe('Norvale Rovers');
    // A source of a role, or one who takes no stance in a verb of the sentence, still speaks.
    expect(speakerOf('The Tarrow Hawks rejected the offer, the spokesman said.')).toBe('spokesman');
    expect(speakerOf('The talks are likely to collapse, people familiar with the talks said.')).toBe('people familiar with talks');
  });

  it('gives a body’s own proposal to the body, named by its head noun as by its name ("the committee’s counterproposal seeks …")', () => {
    expect(speakerOf('Norvale Rail’s offer calls for a 40 percent cut.')).toBe('Norvale Rail');
    expect(speakerOf('The government’s offer calls for a 40 percent cut.')).toBe('government');
    expect(speakerOf('The bondholder committee’s latest counterproposal seeks a 20 percent cut.')).toBe('committee');
    // What a body proposes, not whatever it owns: "the council’s budget" says nothing for it.
    expect(speakerOf('The council’s budget calls for a 40 percent cut.')).toBeUndefined();
  });

  it('gives what an anonymous source cited first reports to the named party that opens it ("People familiar … said Norvale was prepared to …")', () => {
    const found = extractStatements([
      'People familiar with the matter said Norvale Rail was prepared to challenge the levy in court.',
      'A person familiar with the talks said on Monday that Norvale Rail had told city officials it would leave Tarrow if the levy passed.',
      'People familiar with its plans said Norvale Rail had hired outside counsel and was ready to sue if the levy passed.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Norvale Rail', 'offer'],
      ['Norvale Rail', 'condition'],
      ['Norvale Rail', 'condition'],
    ]);
    // A party that takes no stance in its verb, a source that is not anonymous, or a clause a party does not open: the
    // source still speaks.
    expect(speakerOf('People familiar with the matter said Norvale Rail would leave Tarrow.')).toBe('People familiar with matter');
    expect(speakerOf('The spokesman said Norvale Rail was prepared to challenge the levy in court.')).toBe('spokesman');
    expect(speakerOf('People familiar with the matter said the levy was likely to pass.')).toBe('People familiar with matter');
    expect(speakerOf('A source said that Norvale Rail could end up winning the contract.')).toBe('source');
    // A body named before and described by its kind is a party too ("the company"): the watch knows whose.
    expect(speakerOf('A person familiar with the talks said the company had indicated in private that it could go to 40 million.')).toBe('company');
    expect(speakerOf('People familiar with the talks said the union was prepared to drop its demand.')).toBe('union');
    expect(speakerOf('People familiar with the talks said the company could end up paying more.')).toBe('People familiar with talks');
  });

  it('reads "It said …" and "It also raised its offer …" as the body that spoke just before, and as no one otherwise', () => {
    const found = extractStatements([
      'The transit authority said on Monday that the talks would resume. It said the fare freeze would stay in place until May.',
      'It also raised its offer to 3 percent in the first year.',
      'Mayor Ana Lima met the drivers. She said the city would not sell the depot. It said the depot would close in June.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['transit authority', 'position'],
      ['transit authority', 'position'],
      ['transit authority', 'offer'],
      ['Ana Lima', 'refusal'],
    ]);
  });

  it('gives what a document requires or proposes to whoever the article says issued it, and nothing to a document no one issued', () => {
    const found = extractStatements([
      'Ana Lima circulated a new draft on Monday. The draft requires parties to report production data every year.',
      'The transit authority published its final rule on Tuesday. The rule requires operators to count tips toward the minimum.',
      'The law requires operators to publish their fares.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.paragraphIndex])).toEqual([
      ['Ana Lima', 0],
      ['transit authority', 1],
    ]);
  });

  it('gives what an owned document requires or says to its owner ("The agency\'s draft decision requires …"), not what rules many share', () => {
    const found = extractStatements([
      'The Norvale Energy Agency\'s draft decision requires the project to be capped at 80 turbines.',
      'The union\'s final proposal says drivers must be paid for waiting time.',
      'Union rules require members to vote before any strike.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.paragraphIndex])).toEqual([
      ['Norvale Energy Agency', 0],
      ['union', 1],
    ]);
  });

  it('reads "it" that requires or proposes, within two sentences of a document\'s issue, as the document ("Instead, it obliges …")', () => {
    const found = extractStatements([
      'Ana Lima released a compromise text on Monday. On fares, it contains no number. Instead, it obliges operators to report fares every year.',
      'Tom Reyes released a compromise text on Monday. It was short. The talks went on. The hall was full. It requires operators to publish their fares.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.paragraphIndex])).toEqual([['Ana Lima', 0]]);
  });

  it('keeps a document that a preposition takes inside the subject ("Supporters of the bill rejected …")', () => {
    const [statement] = extractStatements(['Senator Ana Lima published the bill on Monday. Supporters of the bill have rejected the airline\'s concerns.']);
    expect(statement?.speaker).toBe('Supporters, bill');
  });

  it('keeps the negation of a stance verb joined by "and" ("signed the deal and no longer insists on …", "and did not rule out …")', () => {
    const found = extractStatements([
      'The Norvale Drivers Guild signed a collective agreement this month and no longer insists on city terms for crews.',
      'Ana Lima toured the depot and did not rule out a sale.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind, statement.polarity, statement.withdrawn])).toEqual([
      ['Norvale Drivers Guild', 'condition', 'negative', true],
      ['Ana Lima', 'position', 'positive', undefined],
    ]);
  });

  it('reads a directive to a listener as a demand ("ordered Norvale to stop …", "told the agency not to …")', () => {
    const found = extractStatements([
      'The regulator on Tuesday ordered Norvale Rail to stop the transfers.',
      'Ana Lima instructed the agency to halt the tender.',
      'The ministry told the agency not to sign the contract.',
      'Tom Reyes told reporters the deal was close.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind, statement.polarity])).toEqual([
      ['regulator', 'demand', 'positive'],
      ['Ana Lima', 'demand', 'positive'],
      ['ministry', 'demand', 'negative'],
      ['Tom Reyes', 'claim', 'positive'],
    ]);
  });

  it('reads "It wants …" as the body the sentence before opens with, though it did not speak; not after a plural or with a verb a document takes', () => {
    const found = extractStatements([
      'Norvale Rail filed its plan last week. It wants the fine suspended until the court rules on its appeal.',
      'Union officials filed their plan last week. It wants the fine suspended until the court rules.',
      'The transit authority filed its plan last week. It says the fine should be suspended until the court rules.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.paragraphIndex])).toEqual([['Norvale Rail', 0]]);
  });

  it('reads a trailing "…, it said." as the body that spoke just before, and as no one after a person', () => {
    const found = extractStatements([
      'The suspension covers all bonds, the finance ministry said in a statement. Payments to the fund will not be suspended, it said.',
      'Mayor Ana Lima met the drivers on Tuesday. The depot will not be sold, it said.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind, statement.paragraphIndex])).toEqual([
      ['finance ministry', 'claim', 0],
      ['finance ministry', 'position', 0],
    ]);
  });

  it('keeps a stance in the main verb before a clause joined by "and" or "but" that reports ("wants …, and she told …")', () => {
    const found = extractStatements(['Ana Lima wants a 6 percent raise, and she told the council that the bonus is not optional.']);
    expect(found.map((statement) => [statement.speaker, statement.text])).toEqual([
      ['Ana Lima', 'Ana Lima wants a 6 percent raise'],
      ['Ana Lima', 'and she told the council that the bonus is not optional'],
    ]);
    // The body that took the stance is the "it" of the clause joined to it.
    const [, told] = extractStatements(['The union now wants a 6 percent raise — and it is telling anyone who will listen that the bonus is not optional.']);
    expect(told).toMatchObject({ speaker: 'union', kind: 'position' });
    // A verb that shares the subject ("…, and vowed …") leaves the sentence one statement.
    const vowed = extractStatements(['Tom Reyes has criticized the plan, and vowed not to vote for it.']);
    expect(vowed).toHaveLength(1);
  });

  it('reads room to negotiate as an offer, and an outer limit or a bottom line as a position', () => {
    const kinds = [
      'Tom Reyes said there is room to discuss the cap.',
      'Tom Reyes said there is no room to discuss the cap.',
      'Tom Reyes said 2040 is the outer limit for the union.',
      'Tom Reyes said a 3 percent raise was the bottom line.',
    ].map((sentence) => extractStatements([sentence])[0]?.kind);
    expect(kinds).toEqual(['offer', 'position', 'position', 'position']);
  });

  it('reads past an adverb set off by commas after "did" ("did, however, signal that …", "did not, however, rule out …")', () => {
    const [signalled] = extractStatements(['Tom Reyes did, however, signal that the union could accept an obligation to report its data.']);
    expect(signalled).toMatchObject({ speaker: 'Tom Reyes', kind: 'position' });
    const [open] = extractStatements(['Tom Reyes did not, however, rule out a strike.']);
    expect(open).toMatchObject({ speaker: 'Tom Reyes', kind: 'position', polarity: 'positive' });
  });

  it('takes a bloc for a body that speaks ("The bloc now says it “could accept” a global list …")', () => {
    const [bloc] = extractStatements(['The bloc now says it “could accept” a global list of banned products, as long as items are added only by consensus.']);
    expect(bloc).toMatchObject({ speaker: 'bloc', kind: 'condition' });
  });

  it('gives what a draft, a text or a paper proposes to its owner ("the union\'s draft proposes …")', () => {
    const [draft] = extractStatements(["The union's draft proposes a 6 percent raise."]);
    expect(draft).toMatchObject({ speaker: 'union', kind: 'offer' });
    const [text] = extractStatements(["The chair's text proposes a 2035 deadline for the ban."]);
    expect(text).toMatchObject({ speaker: 'chair', kind: 'offer' });
    const [paper] = extractStatements(["The committee's paper proposes a 2035 deadline for the ban."]);
    expect(paper).toMatchObject({ speaker: 'committee', kind: 'offer' });
  });

  it('keeps no statement that names nothing it is about ("Not yet.", "Absolutely not.")', () => {
    const found = extractStatements(['Ana Lima met the council.', 'LIMA: Not yet.', '“Absolutely not,” Lima said.', 'LIMA: We will not accept the offer.']);
    expect(found.map((statement) => statement.claim)).toEqual(['accept not offer']);
  });

  it('keeps no statement whose verb phrase is left out ("Of course it would.", "I’d love to.", "I hope so.")', () => {
    const answers = ['LIMA: Of course it would.', 'LIMA: I’d love to.', 'LIMA: As for a deal, I hope so.', 'LIMA: We will not accept the offer.'];
    const found = extractStatements(['Ana Lima met the council.', ...answers]);
    expect(found.map((statement) => statement.claim)).toEqual(['accept not offer']);
    // A question word or a "be" ends a clause of its own: these say something.
    const [what] = extractStatements(['“I know what a good deal is,” Mayor Ana Lima said.']);
    expect(what).toMatchObject({ speaker: 'Ana Lima' });
    const [meant] = extractStatements(['“It was never meant to be,” Mayor Ana Lima said.']);
    expect(meant).toMatchObject({ speaker: 'Ana Lima' });
    // After an auxiliary, "had" is the verb.
    const [had] = extractStatements(['“That is certainty Norvale has never had,” Mayor Ana Lima said.']);
    expect(had).toMatchObject({ speaker: 'Ana Lima' });
  });

  it('gives a quotation to the person the sentence before it in the paragraph is about, not to the last speaker', () => {
    const found = extractStatements([
      'Ana Lima said the union would strike on Friday.',
      'The chair, Ambassador Tom Reyes, closed the session with a warning. “If we go to the vote like this, we will fail.”',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
    // A sentence in another paragraph does not introduce the quotation.
    const apart = extractStatements(['Ana Lima said the union would strike on Friday.', 'Tom Reyes closed the session.', '“If we go to the vote like this, we will fail.”']);
    expect(apart.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Ana Lima']);
  });

  it('reads "What we need now is …" as a demand', () => {
    const found = extractStatements(['Ana Lima met the council.', 'LIMA: What we need now is a fund that is operational by 2027.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['Ana Lima', 'demand']]);
  });

  it('takes giving no details for saying nothing ("does not offer further details")', () => {
    const [details] = extractStatements(['Tom Reyes does not offer further details, and his campaign did not respond to requests for comment.']);
    expect(details).toMatchObject({ speaker: 'Tom Reyes', kind: 'claim' });
    const [raise] = extractStatements(['Tom Reyes will not offer a raise.']);
    expect(raise).toMatchObject({ kind: 'refusal' });
  });

  it('takes "according to how …" for a measure, not a source', () => {
    const found = extractStatements([
      'Mayor Ana Lima said the city would not agree to fixed fares, arguing that fares should be set route by route according to how full the buses are.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Ana Lima']);
    expect(found[1].text).toMatch(/according to how full the buses are\.?$/);
  });

  it('takes "the group" for a source, as "the company" and "the union"', () => {
    expect(speakerOf('The transit group will hire 90 drivers this year, the group said in a news release.')).toBe('group');
    expect(speakerOf('A major climate group is demanding that the city propose new bus lanes.')).toBe('major climate group');
  });

  it('reads a relative clause closed by a verb of saying as part of what was said, not as an attribution', () => {
    const [statement] = extractStatements([
      'The province is prepared to accept 22 percent, up from the 18 percent it had been demanding, but only if every boat carries an observer, Minister Ana Lima said Thursday.',
    ]);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    expect(statement.text).toMatch(/^The province is prepared/);
    const [gerund] = extractStatements(['The city offered to pay the $2 million it acknowledges owing if the state paid the rest, Mayor Ana Lima said.']);
    expect(gerund).toMatchObject({ speaker: 'Ana Lima', text: expect.stringMatching(/^The city offered/) });
  });

  it('records whom a press secretary, a communications officer or "a spokesman for X, Y" speaks for, as a spokesperson', () => {
    const found = extractStatements([
      'Gov. Teresa Vallin met the farmers in May.',
      'Her press secretary, Lena Ostrova, said the province would not sign.',
      'Tomas Brel, the union’s communications officer, said the union would strike unless the cap was lifted.',
      'Vallin’s communications director, Nina Holt, said the cap would stay.',
      'A spokesman for Vallin, Pavel Kors, said the province would not refund the fees.',
      'Ida Lenz, a Vallin spokeswoman, said the province would keep the cap.',
      'Vallin spokesman Tom Reyes said the province would not pay.',
      'Ministry spokeswoman Eva Ness said the ministry would not pay.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['Lena Ostrova', 'Teresa Vallin'],
      ['Tomas Brel', 'union'],
      ['Nina Holt', 'Teresa Vallin'],
      ['Pavel Kors', 'Teresa Vallin'],
      ['Ida Lenz', 'Teresa Vallin'],
      ['Tom Reyes', 'Teresa Vallin'],
      ['Eva Ness', 'Ministry'],
    ]);
  });

  it('ties a bare ministry to the one last named with its owner, or to the minister who heads it, when the portfolios agree', () => {
    const found = extractStatements([
      'Norvia Transport Minister Ada Kell said the ferry would not sail in winter.',
      'A ministry spokeswoman, Carla Brandt, said the timetable would stay.',
      'In Ostrel, Velmar’s transport ministry said the toll would stay. The ministry would not pay the rest, ministry spokesman Ole Sand said.',
      'Foreign Minister Tal Amsel said the talks would resume.',
      'The Ministry of Transport said the ports would close unless the fee was paid.',
      'The clinics would stay open, health ministry spokesman Ivo Pelt said.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['Ada Kell', undefined],
      ['Carla Brandt', 'Ada Kell'],
      ['Velmar’s transport ministry', undefined],
      ['Ole Sand', 'Velmar transport ministry'],
      ['Tal Amsel', undefined],
      // Not the foreign minister's, named last: the transport ministry named before him.
      ['Ministry of Transport', 'Velmar transport ministry'],
      // No health minister or health ministry with an owner was named.
      ['Ivo Pelt', 'health ministry'],
    ]);
    // Two ministers named together: the bare ministry could be either's.
    const [both] = extractStatements([
      'Velmar’s Transport Minister Ada Kell met Norvia’s Transport Minister Ivo Pelt in May.',
      'The toll will stay, ministry spokesman Ole Sand said.',
    ]);
    expect(both).toMatchObject({ speaker: 'Ole Sand', speaksFor: 'ministry' });
  });

  it('reads what a colon spells out after a verb whose object names something said ("set two conditions: …")', () => {
    const found = extractStatements([
      'Mayor Ana Lima set two conditions: a ten-year lease and a fare cap.',
      'Tom Reyes added a demand to the union’s list: a ban on night shifts, except in emergencies.',
      'Ada Kell delivered a blunt message to the council: “Stop the tolls.”',
      // Not a statement: what a colon explains after a noun that names none ("in terms of", an idiom, is no terms).
      'Ola Berg had one advantage: the port was his.',
      '“In terms of the fee: we will see,” Ivo Pelt said.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'condition'],
      ['Tom Reyes', 'demand'],
      ['Ada Kell', 'position'],
      ['Ivo Pelt', 'position'],
    ]);
  });

  it('gives a quotation after a colon to the subject of the clause before it, whatever its verb ("Lima gloated: “…”")', () => {
    const found = extractStatements([
      'Senator Ana Lima spoke after the vote.',
      'Lima gloated: “We won the vote, and the depot stays open.”',
      'She then turned to the council: “We will not give up the depot.”',
      // What the subject was asked, told or heard is someone else's; a headline in capitals quotes the source after it.
      'Mayor Tom Reyes was asked: “Will you keep the depot open?”',
      'Councillor Ivo Pelt was told: “You must keep the depot open.”',
      'Reyes heard the crowd: “Keep the depot open for good!”',
      'DEPOT STAYS OPEN FOR GOOD - Ivo Pelt: “The council must keep it open.”',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'position'],
      ['Ana Lima', 'refusal'],
    ]);
  });

  it('gives what follows "In her view," or "In Lima’s words," to its owner', () => {
    const found = extractStatements([
      'Senator Ana Lima spoke on Monday.',
      'In her view, the depot must stay open until the levy is repealed.',
      'In Lima’s words, the council must not sell the depot.',
      // A view nobody owns is the writer's.
      'In the view of many, the depot must stay open.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'condition'],
      ['Ana Lima', 'condition'],
    ]);
  });

  it('reads a quotation whose speaker’s title has an owner ("…,” Velmar’s Energy Minister Ada Kell said")', () => {
    const found = extractStatements([
      '“The fee will not go down,” Velmar’s Energy Minister Ada Kell said at the signing ceremony.',
      '“We will not sign,” the Kremlin’s spokesman Ivo Pelt said.',
      '“Nobody gets a discount,” Lumo’s Ola Berg said.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.text.slice(0, 12)])).toEqual([
      ['Ada Kell', '“The fee wil'],
      ['Ivo Pelt', '“We will not'],
      ['Ola Berg', '“Nobody gets'],
    ]);
  });

  it('does not give a body’s statement to the person who speaks for it ("the ministry said" is not its spokeswoman)', () => {
    const found = extractStatements([
      '“We will not pay,” ministry spokeswoman Mia Torr said.',
      'The Velmar ministry said the talks would open in March.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Mia Torr', 'Velmar ministry']);
  });

  it('records the body a chief executive, chairman or general secretary heads as whom they speak for, not a president’s country', () => {
    const found = extractStatements([
      'Corvane Chief Executive Ada Mirsk said the company would cut deliveries from April unless the bill was paid.',
      'Ilse Marwood, general secretary of the Harbour Pilots Guild, said the union would not lift the ban.',
      'Jane Wu, Telvio’s chief executive, said the firm would not raise its offer.',
      'The chairman of Orrin Rail, Piet Kaas, said the railway would not sell the depot.',
      'Ruvian President Tal Amsel said the republic would not sign the treaty.',
      // A firm that bears a person's surname is not that person ("Mirsk Group" is not Ada Mirsk).
      'Olav Brenn, chairman of the Mirsk Group, said the group would not bid.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.speaksFor])).toEqual([
      ['Ada Mirsk', 'Corvane'],
      ['Ilse Marwood', 'Harbour Pilots Guild'],
      ['Jane Wu', 'Telvio'],
      ['Piet Kaas', 'Orrin Rail'],
      ['Tal Amsel', undefined],
      ['Olav Brenn', 'Mirsk Group'],
    ]);
  });

  it('keeps a hyphenated organisation’s name as written ("Wealth-X", "KING-TV")', () => {
    expect(speakerOf('Wealth-X says the firm would not publish its accounts.')).toBe('Wealth-X');
    expect(speakerOf('The parade would go ahead on Sunday, KING-TV reported.')).toBe('KING-TV');
  });

  it('records an organisation named by a proper noun, and an owner’s staff with the owner', () => {
    expect(speakerOf('The Associated Press reported that the plant would close unless the state pays.')).toBe('Associated Press');
    expect(speakerOf('Sanders’ aides say their campaign will not drop out before the convention.')).toBe('Sanders’ aides');
  });

  it('gives a lede’s role to the person the next sentences name with that title (a wire lede’s delayed identification)', () => {
    const lede = 'The mayor of Dunmore said on Monday the city would close the old bridge in June unless the state paid for repairs.';
    const speakersOf = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => statement.speaker);
    expect(speakersOf([lede, '“The bridge is not safe,” Mayor Ruth Ellery told reporters.'])[0]).toBe('Ruth Ellery');
    // Not a holder of the title somewhere else, nor one named further on.
    expect(speakersOf([lede, '“The bridge is not safe,” Harlow Mayor Tom Finch told reporters.'])[0]).toBe('mayor, Dunmore');
    const later = ['The bridge opened in 1931.', 'Traffic has doubled since.', '“The bridge is not safe,” Mayor Ruth Ellery told reporters.'];
    expect(speakersOf([lede, ...later])[0]).toBe('mayor, Dunmore');
    // A possessive names the place too: "Dunmore's mayor".
    const possessive = 'Dunmore’s mayor on Monday called for the state to pay for the repairs.';
    expect(speakersOf([possessive, '“The bridge is not safe,” Mayor Ruth Ellery told reporters.'])[0]).toBe('Ruth Ellery');
  });

  it('gives "the former minister of finance said" to the person the article named with that office', () => {
    const found = extractStatements([
      'Former Minister of Finance Ana Ruiz said she would not stand again.',
      'Tom Finch, a councillor, said the budget was too small.',
      'The former minister of finance said the levy must be cut before the vote.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Ruiz', 'Tom Finch', 'Ana Ruiz']);
  });

  it('gives a statement to the name an appositive describes when a relative clause follows the appositive', () => {
    const speakers = extractStatements([
      'Tom Finch, the leader of the Harlow Tenants Union, said the rent freeze must stay.',
      'Ana Ruiz, the president of the Dunmore Traders Guild, which backed the levy in May, said the levy must be cut.',
    ]).map((statement) => statement.speaker);
    expect(speakers).toEqual(['Tom Finch', 'Ana Ruiz']);
  });

  it('gives a statement to the name in an appositive after a description, past its party or a relative clause', () => {
    const speakers = extractStatements([
      'The party’s nominee for governor, Sen. Tom Finch (D-Va.), promised that the rent freeze would stay.',
      'A former candidate for mayor -- Ana Ruiz, who lost the 2020 race -- said the levy must be cut.',
    ]).map((statement) => statement.speaker);
    expect(speakers).toEqual(['Tom Finch', 'Ana Ruiz']);
  });

  it('gives what "the statement" says to whoever issued it, and nothing when no one was said to', () => {
    const found = extractStatements([
      'Mayor Ana Lima said in a statement on Monday that the city would hold a vote in March.',
      'The statement also said the city no longer insists on a citywide vote.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.withdrawn ?? false])).toEqual([
      ['Ana Lima', false],
      ['Ana Lima', true],
    ]);
    expect(extractStatements(['Ana Lima met the council.', 'The statement said the city would never pay.'])).toEqual([]);
    // A statement an adjective describes ("a joint statement", "a written statement") is issued all the same.
    const written = extractStatements(['Mayor Ana Lima said in a written statement that the depot would stay open.', 'The city would not sell the depot, the statement said.']);
    expect(written.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Ana Lima']);
    // So is one a noun describes ("a press release", "a blog post"), and the post is a document as a statement is.
    const posted = extractStatements([
      'Norvale Rail said in a press release that fares would rise.',
      '“We will keep the depot open,” the release said.',
      'Mayor Ana Lima said in a blog post that the city would pay.',
      '“Riders want lower fares,” the post said.',
    ]);
    expect(posted.map((statement) => statement.speaker)).toEqual(['Norvale Rail', 'Norvale Rail', 'Ana Lima', 'Ana Lima']);
    // A capitalised one is a name: "The Post" is a newspaper.
    expect(extractStatements(['Ana Lima said in a blog post that the city would pay.', 'The Post said the city would pay.']).map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Post']);
    // The last statement named: "the district's statement" after the union's.
    const two = extractStatements([
      'In a statement, the union said it would not strike before May.',
      'The district’s statement said the board would meet on Friday.',
      'The statement said the district would raise its offer to 3 percent.',
    ]);
    expect(two.map((statement) => statement.speaker)).toEqual(['union', 'district', 'district']);
    // What a document "read" is what it said, and "It said …" after it is still the document.
    const email = extractStatements(['Norvale Rail said in an email to customers that fares would rise.', '“We will not sell the depot,” the email read. It said that the depot would stay open.']);
    expect(email.map((statement) => [statement.speaker, statement.claim])).toEqual([
      ['Norvale Rail', 'fare rise'],
      ['Norvale Rail', 'depot not sell'],
      ['Norvale Rail', 'depot open stay'],
    ]);
  });

  it('gives a lede’s "its chief executive said" to the one person the next sentence names', () => {
    const found = extractStatements([
      'The transit authority will close the night depot in June, its chief executive said on Monday.',
      '“We cannot run it at a loss,” Tom Reyes told a news conference.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Tom Reyes']);
    const two = extractStatements(['The transit authority will close the depot, its chief executive said.', 'Tom Reyes and Ana Lima met on Tuesday.']);
    expect(two[0].speaker).toBe('chief executive');
    // "the utility's managing director", named where the next quotation closes.
    const director = extractStatements([
      'The utility will end the discount in July unless the city pays half the cost, the utility’s managing director said on Thursday.',
      '“We have been patient. We asked the city for a partner,” Paul Dravecky told reporters.',
    ]);
    expect(director.map((statement) => statement.speaker)).toEqual(['Paul Dravecky', 'Paul Dravecky']);
  });

  it('gives "the leaders" to no one leader', () => {
    const found = extractStatements(['Mayor Ana Lima said the city would not pay.', 'When the governors met in May, the leaders agreed that the state would pay.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'leaders']);
  });

  it('does not take a time adjunct or a listener for the source', () => {
    expect(speakerOf('The White House on Monday also urged the industry to do more.')).toBe('White House');
    expect(speakerOf('“We will not sign this deal,” the minister told Reuters on Thursday.')).not.toMatch(/Reuters|Thursday/);
  });

  it('ends the listener of "told" at a preposition: "…, X told the Courier in an interview" closes what was said', () => {
    const [statement] = extractStatements(['The fare freeze will end only once the budget passes, Mayor Ana Lima told the Halvern Courier in an interview.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    expect(statement.text).toMatch(/^The fare freeze/);
  });

  it('reads a verb of saying in a purpose infinitive after going somewhere or using something to speak ("took to Twitter to say", "went so far as to say")', () => {
    const found = extractStatements([
      'Mayor Ana Lima took to Twitter on Monday to say the depot would not close.',
      'Tom Reyes used his speech in Halvern to call for a fare freeze.',
      'Ada Kell went on local radio to say the city must pay first.',
      'Ivo Pelt went so far as to say the depot must be sold.',
      // Not what is only expected, nor a clause that tells when something else was said.
      'Ola Berg is expected to say the port will close.',
      'Before Ivo Pelt took the stage to announce that he would run, his aides said the depot would stay open.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'refusal'],
      ['Tom Reyes', 'demand'],
      ['Ada Kell', 'condition'],
      ['Ivo Pelt', 'condition'],
      ['aides', 'position'],
    ]);
  });

  it('reads a stance verb in a purpose infinitive after using something to speak ("used a rare video address to reject …")', () => {
    const read = (sentence: string) => extractStatements([sentence]).map((statement) => [statement.speaker, statement.kind, statement.claim]);
    // wink reads "address" as a verb: it is the occasion's noun. The occasion is not in the claim.
    expect(read('Tom Reyes, the union leader, used a rare video address on Monday night to reject the city’s demand.')).toEqual([['Tom Reyes', 'refusal', 'city not support']]);
    expect(read('Tom Reyes took to Twitter to slam the governor.')).toEqual([['Tom Reyes', 'position', 'governor slam']]);
    // Not what someone went somewhere to do, nor a verb with nothing to take a stance on.
    expect(read('Tom Reyes went to Halvern to support the dockers.')).toEqual([]);
    expect(read('Tom Reyes took the stage to applaud.')).toEqual([]);
  });

  it('reads a quotation whose attribution goes on with a clause of time ("…,” Lima said when asked about the fares")', () => {
    const found = extractStatements([
      '“We will not raise the fares,” Mayor Ana Lima said when asked about the budget.',
      '“The depot stays open,” Lima told reporters as she left the hall.',
      '“Nobody loses a job,” Tom Reyes said while campaigning in Halvern.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.text.slice(0, 10)])).toEqual([
      ['Ana Lima', '“We will n'],
      ['Ana Lima', '“The depot'],
      ['Tom Reyes', '“Nobody lo'],
    ]);
  });

  it('keeps a listener’s name whole where a word of it reads as a verb ("told the Tessel Herald")', () => {
    const [statement] = extractStatements(['The fare freeze will end only once the budget passes, Mayor Ana Lima told the Tessel Herald.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    expect(statement.text).toMatch(/^The fare freeze/);
  });
});

describe('names and ledes', () => {
  it('keeps names whole and without the words next to them', () => {
    expect(speakersOfSentence('Democrat Hillary Clinton said she will not back the deal.')).toEqual(['Hillary Clinton']);
    // Not a description before a given name: two words that name a place together ("Francisco" is a given name too).
    expect(speakersOfSentence('The San Francisco Chronicle says the mayor will not back the deal.')).toEqual(['San Francisco Chronicle']);
    // Each of the two words a place: "State" of "Secretary of State" is none.
    expect(speakersOfSentence('Former Secretary of State Madeleine Albright urged voters to back the deal.')).toEqual(['Madeleine Albright']);
    // A coach's title is no part of the name; initials are a given name's ("P.J." reads to compromise as an acronym),
    // and the surname alone is then the same person.
    const coached = extractStatements(['Coach T.J. Brask said the team will not play unless the pitch is fixed.', '“We are close,” Brask said.']);
    expect(coached.map((statement) => [statement.speaker, statement.role])).toEqual([['T.J. Brask', 'Coach'], ['T.J. Brask', 'Coach']]);
    // A function word that opens a quotation is no given name ("“But Tom …”"); a surname's particle, which compromise
    // reads as a determiner, is part of the name.
    const opened = extractStatements(['“But Tom wanted to win,” Ana Lima said.', 'Tom said the levy must go.', '“We will not sign,” Le Brun said.']);
    expect(opened.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom', 'Le Brun']);
    // A name set in brackets is the name without them.
    const bracketed = extractStatements(['Voters judged those who would bar the levy (Councillor Tom J. Reyes), or oppose it (Ana Lima).', 'Mr. Reyes said the levy must go.']);
    expect(bracketed.map((statement) => statement.speaker)).toEqual(['Tom J. Reyes']);
    // A surname compromise also knows as a given name is not a given name after a description.
    expect(speakersOfSentence('Rahm Emanuel said the city will not back the deal.')).toEqual(['Rahm Emanuel']);
    expect(speakersOfSentence('Ms. Reed-Veal said the police must release the tapes.')).toEqual(['Reed-Veal']);
    expect(speakersOfSentence('Should Mrs. Clinton win, she said she would raise taxes.')).toEqual(['Clinton']);
  });

  it('reads a lede whose subject takes a stance in its main verb as the subject’s statement', () => {
    const [lede] = extractStatements(['Senator Maria Ortiz has rebuffed pressure to withdraw from the race before the convention.']);
    expect(lede).toMatchObject({ speaker: 'Maria Ortiz' });
    expect(extractStatements(['The plan would require new taxes on imported steel.']).filter(isAlertable)).toEqual([]);
  });

  it('reads a stance verb in the progressive as the subject’s stance, and a passive one as nobody’s', () => {
    expect(speakersOfSentence('Mayor Ann Loy is seeking a freeze on water rates.')).toEqual(['Ann Loy']);
    expect(speakersOfSentence('A freeze on water rates is backed by two councillors.')).toEqual([]);
  });

  it('gives a stance verb to an institution named by its title ("the union is seeking …")', () => {
    const found = extractStatements(['The Brea Nurses Union represents 900 nurses.', 'The union is seeking a ban on mandatory overtime.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['union', 'position']]);
  });

  it('reads terms accepted, committed to, put on the table or given up as the subject’s stance', () => {
    const read = (text: string) => extractStatements([text]).map((statement) => [statement.speaker, statement.kind, statement.polarity, statement.withdrawn ?? false]);
    expect(read('The Brea Port Authority agreed to waive the berth fees.')).toEqual([['Brea Port Authority', 'position', 'positive', false]]);
    expect(read('Mayor Ann Loy has undertaken not to raise fares before May.')).toEqual([['Ann Loy', 'position', 'negative', false]]);
    expect(read('Mayor Ann Loy agreed not to raise fares before May.')).toEqual([['Ann Loy', 'position', 'negative', false]]);
    expect(read('Mayor Ann Loy is now willing to spread the increase over three years.')).toEqual([['Ann Loy', 'offer', 'positive', false]]);
    // Held as a state: "remains opposed to", "is committed to", "is adamant that".
    expect(read('Mayor Ann Loy remains firmly opposed to selling the depot.')).toEqual([['Ann Loy', 'position', 'negative', false]]);
    expect(read('Mayor Ann Loy is committed to keeping the depot open.')).toEqual([['Ann Loy', 'position', 'positive', false]]);
    // "long" between "has" and "been" is an adverb (wink reads it as an adjective).
    expect(read('Mayor Ann Loy has long been opposed to selling the depot.')).toEqual([['Ann Loy', 'position', 'negative', false]]);
    // So is "since" between "has" and its participle (wink reads it as a conjunction).
    expect(read('The Brea Teachers Association has since lowered its salary demand to 4.5 percent.')).toEqual([['Brea Teachers Association', 'demand', 'positive', false]]);
    expect(read('Mayor Ann Loy is adamant that the depot must stay open.')).toEqual([['Ann Loy', 'condition', 'positive', false]]);
    // Hope held for what is to come: "remained hopeful about", "said the mayor remained hopeful of".
    expect(read('Mayor Ann Loy remained hopeful about keeping the depot open.')).toEqual([['Ann Loy', 'position', 'positive', false]]);
    expect(read('Tom Reyes said the mayor remained hopeful of a deal by May.')).toEqual([['Tom Reyes', 'position', 'positive', false]]);
    expect(read('Mayor Ann Loy is strongly in favor of selling the depot.')).toEqual([['Ann Loy', 'position', 'positive', false]]);
    expect(read('The depot is open to visitors on Sundays.')).toEqual([]);
    expect(read('Senator Alex Ortiz has lodged a claim for a 9 percent pay rise.')).toEqual([['Alex Ortiz', 'demand', 'positive', false]]);
    // Asking to be let in is a demand; being asked is not the subject's.
    expect(read('The Brea Teachers Association asked to take part in the talks as an observer.')).toEqual([['Brea Teachers Association', 'demand', 'positive', false]]);
    expect(read('Senator Alex Ortiz said the mayor was asked to resign.').map(([, kind]) => kind)).not.toContain('demand');
    expect(read('Senator Alex Ortiz has withdrawn his proposal for a toll.')).toEqual([['Alex Ortiz', 'condition', 'negative', true]]);
    // A red line, the limit one would not let be crossed, given up; not a line of another kind.
    expect(read('Senator Alex Ortiz has abandoned his red line on tolls.')).toEqual([['Alex Ortiz', 'condition', 'negative', true]]);
    expect(read('Senator Alex Ortiz has abandoned the rail line.')).toEqual([]);
    expect(read('Senator Alex Ortiz has suspended the hunger strike planned for June.')).toEqual([['Alex Ortiz', 'condition', 'negative', true]]);
    expect(read('The Brea Teachers Association lowered its salary demand to 4.5 percent.')).toEqual([['Brea Teachers Association', 'demand', 'positive', false]]);
    // A figure it put forward, moved: an offer ("lowered its price" alone is no stance).
    expect(read('The Brea Teachers Association lowered its proposed cap on class sizes to 24 pupils.')).toEqual([['Brea Teachers Association', 'offer', 'positive', false]]);
    expect(read('The Brea Bus Company lowered its price to 3 euros.')).toEqual([]);
    expect(read('Dana Ortiz said the operators were now prepared to let the committee delay the start.')).toEqual([['Dana Ortiz', 'offer', 'positive', false]]);
    expect(read('Dana Ortiz said the group had every intention of reaching a deal by May.')).toEqual([['Dana Ortiz', 'position', 'positive', false]]);
    expect(read('Dana Ortiz said the district raised its salary offer to 3 percent.')).toEqual([['Dana Ortiz', 'offer', 'positive', false]]);
    // What another must give up is a demand on them, and a suspension without a threat is no stance.
    expect(read('Senator Alex Ortiz said the union must suspend its strike.')[0]).toMatchObject(['Alex Ortiz', 'condition', 'positive', false]);
    expect(read('Senator Alex Ortiz has suspended his campaign staff.')).toEqual([]);
  });

  it('reads past an appositive to the main verb ("X, the utility’s managing director, refused …")', () => {
    expect(speakersOfSentence('Paul Dravecky, the utility’s managing director, refused to lower the rate.')).toEqual(['Paul Dravecky']);
    expect(speakersOfSentence('Paul Dravecky, who runs the utility, refused to lower the rate.')).toEqual(['Paul Dravecky']);
    // A relative clause may go on with the appositive.
    expect(speakersOfSentence('Paul Dravecky, president of the Drivers Guild, which says it has 6,000 members, wants part of the depot set aside.')).toEqual(['Paul Dravecky']);
    // An opening phrase is no subject: its comma opens no appositive.
    expect(speakersOfSentence('Raising the prospect of a long fight, Mayor Ann Loy has rebuffed pressure to lower the rate.')).toEqual(['Ann Loy']);
  });

  it('gives a stance to a public institution named by its common noun ("the district has offered …")', () => {
    const found = extractStatements(['The Brea School District runs twelve schools.', 'The district has offered raises of 2.5 percent.', 'The city wants a written guarantee on the fares.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['district', 'offer'],
      ['city', 'position'],
    ]);
  });

  it('reads a people’s adjective before a common noun as no speaker ("Japanese fishermen" are not "Japanese")', () => {
    expect(speakersOfSentence('Across the water, Japanese fishermen have largely welcomed the closure.')).toEqual([]);
    expect(speakersOfSentence('Japanese officials have welcomed the closure.')).toEqual(['Japanese officials']);
    expect(speakersOfSentence('The FBI statement said the inquiry would continue.')).toEqual(['FBI']);
  });

  it('gives a verb of saying joined by "and" to a person named after the role the sentence opens with', () => {
    const found = extractStatements([
      'Tom Reyes and Ana Lima ran the fund.',
      'The director of the transit board, Ina Kirsch, told reporters her board never worked with Reyes or Lima and said the board would audit the fund next year.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ina Kirsch', 'Ina Kirsch']);
  });

  it('gives a verb of saying joined by "and" to a body the sentence opens with ("The association puts … and says …")', () => {
    expect(speakersOfSentence('The association puts the figure at fewer than 600 and says most would be absorbed through retirements.')).toEqual(['association']);
  });

  it('gives what a document says to its owner ("the district’s statement said …", "the union’s letter says …")', () => {
    expect(speakersOfSentence('“We can work with that proposal,” the district’s statement said.')).toEqual(['district']);
    expect(speakersOfSentence('The union’s letter says the board must freeze fares.')).toEqual(['union']);
    // A participle between the owner and the document is an adjective, an irregular one too.
    expect(speakersOfSentence('Judge Ana Lima’s written ruling says bluntly that the agency must pay.')).toEqual(['Ana Lima']);
    expect(speakersOfSentence('The union’s signed letter says the board must freeze fares.')).toEqual(['union']);
  });

  it('reads "rejecting union calls for …" as the object of a stance, not as the union calling for it', () => {
    const found = extractStatements(['The port will start using remote cranes in January, its owner Ann Loy said, rejecting union calls for the plan to be put on hold.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ann Loy']);
    expect(speakersOfSentence('The union calls for the plan to be put on hold.')).toEqual(['union']);
  });

  it('reads "disclosed that …" and "revealed that …" as saying it, but not "revealed a logo"', () => {
    expect(speakersOfSentence('Mayor Ann Loy disclosed that the city is prepared to pay for the new lines.')).toEqual(['Ann Loy']);
    expect(speakersOfSentence('Mayor Ann Loy revealed the city would not pay for the new lines.')).toEqual(['Ann Loy']);
    expect(speakersOfSentence('The Brea Port Authority revealed a new logo on Monday.')).toEqual([]);
  });

  it('reads "again" as holding to a stance, not when it repeats an action ("would close them again")', () => {
    const [held] = extractStatements(['Mayor Ann Loy again ruled out a fare rise.']);
    expect(held.reaffirms).toBe(true);
    const [warned] = extractStatements(['Mayor Ann Loy warned she would close them again if the drivers broke the rules.']);
    expect(warned.reaffirms).toBeUndefined();
    // What a modal or "to" leads to, done once more, is an action again; "would again reject" holds to a stance.
    const [raised] = extractStatements(['The Arvo board said it did not intend to raise the offer again unless a rival bid emerged.']);
    expect(raised.reaffirms).toBeUndefined();
    const [rejected] = extractStatements(['Mayor Ann Loy said she would again reject the plan.']);
    expect(rejected.reaffirms).toBe(true);
  });

  it('reads refusing to move from a stance ("would not budge", "refused to back down") as holding to it', () => {
    const found = extractStatements(['Mayor Ann Loy said she would not budge on the fare cap.', 'Loy refused to back down on the depot.']);
    expect(found.map((statement) => statement.reaffirms)).toEqual([true, true]);
  });

  it('reads going on holding a stance ("continued to recommend", "remained fully committed") as holding to it, not an action going on', () => {
    const found = extractStatements(['The Arvo board said it continued to recommend the offer.', 'A spokesman said the company remained fully committed to the merger.']);
    expect(found.map((statement) => statement.reaffirms)).toEqual([true, true]);
    const [going] = extractStatements(['Mayor Ann Loy said the city would continue to run the night buses.']);
    expect(going.reaffirms).toBeUndefined();
  });

  it('reads a cue of holding to a stance in a second reported clause as that clause’s only ("… and that its position had not changed")', () => {
    const [held] = extractStatements(['Mayor Ana Lima said the city’s position on the depot had not changed.']);
    expect(held.reaffirms).toBe(true);
    const [taken] = extractStatements(['Mayor Ana Lima said the city would not be pushed around and that its position on the depot had not changed.']);
    expect(taken.reaffirms).toBeUndefined();
    // So is a second verb that restates a stance after one that takes a stance.
    const [joined] = extractStatements(['The union said two years was not enough and repeated its demand for a four-year pledge.']);
    expect(joined.reaffirms).toBeUndefined();
    const [repeated] = extractStatements(['The union repeated its demand for a four-year pledge.']);
    expect(repeated.reaffirms).toBe(true);
  });

  it('reads what stays in place until the other side acts as terms, not as holding to a stance', () => {
    const kept = extractStatements(['Union leader Ana Lima said the overtime ban would remain in force.', 'Lima said the ban would stay in place until the end of the year.']);
    expect(kept.map((statement) => statement.reaffirms)).toEqual([true, true]);
    const [terms] = extractStatements(['Union leader Ana Lima said the overtime ban would stay in place until the company withdrew its timetable.']);
    expect(terms).toMatchObject({ speaker: 'Ana Lima', kind: 'condition' });
    expect(terms.reaffirms).toBeUndefined();
    // What goes on until the other side acts: "until they pay", "unless the council pays"; not "until Friday", a date
    // that makes the talks' going on a schedule.
    const going = extractStatements([
      'Union leader Ana Lima said the strike would go on unless the council paid.',
      'Lima said the strike would continue until they restored the bonus.',
      'Lima said the talks would continue until Friday.',
    ]);
    expect(going.map((statement) => statement.kind)).toEqual(['condition', 'condition', 'claim']);
  });

  it('reads a stance verb in the past perfect as background, not a stance taken now', () => {
    expect(speakersOfSentence('The union had sought a ban on mandatory overtime.')).toEqual([]);
    expect(speakersOfSentence('Mayor Ann Loy had threatened to veto the budget.')).toEqual([]);
  });
});

describe('possessives', () => {
  it('splits a possessive from its name whatever the process read before (wink keeps "X\'s" whole once it has seen it so)', () => {
    const texts = (paragraph: string) => readSentences([paragraph])[0].tokens.map((token) => token.text);
    expect(texts("The plan was Vantreskow's, not ours.").slice(3, 5)).toEqual(['Vantreskow', "'s"]);
    expect(texts("Vantreskow's plan failed.").slice(0, 3)).toEqual(['Vantreskow', "'s", 'plan']);
  });

  it('gives the name set off after a possessive role its statement ("X’s top aide Y", "X\'s husband, Bill,")', () => {
    const [aide] = extractStatements(['“This has to end,” said Reyes’s top policy aide Jane Okafor.']);
    expect(aide.speaker).toBe('Jane Okafor');
    const [husband] = extractStatements(["Tom Reyes spoke first.", "Reyes's husband, Mark, hurled the blame at the council, accusing it of delay."]);
    expect(husband.speaker).toBe('Mark');
  });

  it('does not take the holder of a candidate’s campaign for the person the next sentence names', () => {
    const statements = extractStatements([
      'Presidential candidate Tom Reyes’s campaign says two dozen of Sen. Dana Whitfield’s supporters are now backing Reyes.',
      'Whitfield ended her campaign last week.',
    ]);
    expect(statements[0].speaker).not.toBe('Dana Whitfield');
  });

  it('takes a pronoun subject before a name that owns the object for the speaker of ", saying"', () => {
    const [statement] = extractStatements(['Tom Reyes did not reply.', "On Sunday, he defended Ms. Whitfield's plan, saying the levees must be rebuilt."]);
    expect(statement.speaker).toBe('Tom Reyes');
  });
});

describe('wire datelines', () => {
  it('leaves a dateline out of the sentence and of what was said, offsets and all', () => {
    const paragraphs = ['Talks resume next week.', 'OSLO (Reuters) - Pilots will strike unless the bonus is restored, union leader Kari Lund said.'];
    const [, sentence] = readSentences(paragraphs);
    expect(sentence.text).toBe('Pilots will strike unless the bonus is restored, union leader Kari Lund said.');
    expect(paragraphs.join('\n\n').slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
    const [statement] = extractStatements(paragraphs);
    expect(statement).toMatchObject({ speaker: 'Kari Lund', kind: 'condition' });
    expect(statement.claim).not.toMatch(/oslo|reuters/);
    expect(readSentences(['WASHINGTON, June 24 (UPI) — The senator said the bill would pass.'])[0].text).toBe('The senator said the bill would pass.');
    expect(readSentences(['NORVALE, June 12, 2025 (AFP) - The senator said the bill would pass.'])[0].text).toBe('The senator said the bill would pass.');
    // The agency alone: "(Bloomberg) -- ".
    const [bare] = extractStatements(['(Bloomberg) -- Norvale’s central bank kept rates on hold on Thursday and said it would not resume easing until the currency steadies.']);
    expect(bare).toMatchObject({ speaker: 'Norvale’s central bank', kind: 'condition', text: 'Norvale’s central bank kept rates on hold on Thursday and said it would not resume easing until the currency steadies.' });
  });

  it('keeps copy written in capitals whole, but for a dateline that names its agency', () => {
    const [sentence] = readSentences(['PILOTS WILL STRIKE - UNION LEADER KARI LUND SAID ON FRIDAY.']);
    expect(sentence.text).toBe('PILOTS WILL STRIKE - UNION LEADER KARI LUND SAID ON FRIDAY.');
    const [wire] = readSentences(['OSLO (AP) — PILOTS WILL STRIKE UNLESS THE BONUS IS RESTORED, KARI LUND SAID.']);
    expect(wire.text).toBe('PILOTS WILL STRIKE UNLESS THE BONUS IS RESTORED, KARI LUND SAID.');
  });
});

describe('quotation marks and appositives of newspaper copy', () => {
  it('reads doubled apostrophes as quotation marks, so the quote goes to who says it', () => {
    const [statement] = extractStatements(["''Donald Trump says he will make the country great again,'' Ms. Warren said."]);
    expect(statement.speaker).toBe('Warren');
  });

  it('reads single marks as quotation marks in an article that has no double ones (British copy), not a plural\'s possessive', () => {
    const found = extractStatements([
      'Union leader Ana Lima said the offer was ‘a serious attempt to meet us halfway’. ‘We have given up two depots. Now the city has to move on the fares,’ she said of the drivers’ union.',
      "Tom Reyes said the plan was 'tighter, but workable with the larger buses'.",
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'condition'],
      ['Tom Reyes', 'position'],
    ]);
    expect(found[0].text).toContain('she said of the drivers’ union.');
    const marks = readSentences(['The drivers’ union said it would strike.'])[0].tokens.filter((token) => token.quoteMark);
    expect(marks).toEqual([]);
    // Inside a quotation too, the plural's mark before a noun does not close it.
    const inside = readSentences(['‘The drivers’ union will not sign,’ Ana Lima said.'])[0].tokens;
    expect(inside.find((token) => token.text === 'union')?.quoted).toBe(true);
  });

  it('keeps a degree cut after its first part ("Ph." | "D.") in one sentence, and a sentence that opens with an initial its own', () => {
    const texts = (paragraph: string) => readSentences([paragraph]).map((sentence) => sentence.text);
    expect(texts('Ana Lima, Ph.D., said the plant would close. Mr. Reyes disagreed.')).toEqual(['Ana Lima, Ph.D., said the plant would close.', 'Mr. Reyes disagreed.']);
    expect(texts('Tom Reyes earned a Ph.D. from Brandeis. He said the plant would close.')).toHaveLength(2);
    expect(texts('He is the No. 1 candidate. J. Smith said so.')).toEqual(['He is the No. 1 candidate.', 'J. Smith said so.']);
  });

  it('closes a doubled-apostrophe quotation that ends a sentence, so the next sentence is not read as quoted', () => {
    const paragraph = "Ms. Vance said the ruling was ''the worst in years.'' But Ms. Vance said she would not appeal it.";
    const sentences = readSentences([paragraph]);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "Ms. Vance said the ruling was ''the worst in years.''",
      'But Ms. Vance said she would not appeal it.',
    ]);
    expect(sentences[1].tokens.some((token) => token.quoted)).toBe(false);
    expect(sentences[1].start).toBe(paragraph.indexOf('But'));
    expect(extractStatements([paragraph]).map((statement) => statement.text)).toContain('But Ms. Vance said she would not appeal it.');
  });

  it("reads ''a and ''s as a quotation mark and a word, not an apostrophe and a contraction", () => {
    const [sentence] = readSentences(["''A deal is a deal,'' Ms. Vance said, calling it ''a promise.''"]);
    expect(sentence.tokens.filter((token) => token.quoteMark).map((token) => token.quoteMark)).toEqual(['open', 'open', 'close', 'close', 'open', 'open', 'close', 'close']);
    expect(sentence.tokens.find((token) => token.text === 'promise')).toMatchObject({ quoted: true });
    expect(sentence.tokens.find((token) => token.text === 'Vance')).toMatchObject({ quoted: false });
  });

  it('takes no name across a quotation mark', () => {
    const found = extractStatements(["On the floor she is known as ''Deputy Chief.''", 'Mr. Okafor said the budget must be cut.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Okafor']);
  });

  it('finds the subject across an appositive or a parenthesis before the verb', () => {
    const [appositive] = extractStatements(['“It is not the position that everything is fine,” Gene Sperling, a top outside adviser, said on Monday.']);
    expect(appositive.speaker).toBe('Gene Sperling');
    const [party] = extractStatements(['“They have nothing to worry about,” Sen. Chuck Schumer (D-N.Y.) said Tuesday.']);
    expect(party.speaker).toBe('Chuck Schumer');
    // A stray comma after the party, before the verb.
    const [stray] = extractStatements(['Sen. Ana Ruiz (D-Vt.), said, “The budget will not pass without the school money.”']);
    expect(stray).toMatchObject({ speaker: 'Ana Ruiz', kind: 'refusal' });
    // Hyphens with spaces written for dashes, not the hyphen of a word ("co-host").
    const [hyphens] = extractStatements(['Ana Ruiz - the governor’s deputy and co-host of a radio show - said the budget must pass this week.']);
    expect(hyphens).toMatchObject({ speaker: 'Ana Ruiz', kind: 'condition' });
  });

  it('takes the name a sentence opens with before an appositive of any length ("Rich Heffley, a top operative who …, said")', () => {
    const found = extractStatements([
      'Rich Heffley, a top Dunmore party operative who played a major role in the mayor’s big win in 2008 and is now running the early-vote effort in the county, said the levy must go.',
      'Ana Ruiz, a contestant on the reality show "The Harbour," who went on to work alongside the mayor, said the council must first approve the budget.',
      'Wilcox, whose education at the University of Dunmore was paid for by the army because he joined the cadet program in his first year there, said he would not vote for the levy.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Rich Heffley', 'Ana Ruiz', 'Wilcox']);
  });

  it('knows a full name a sentence introduces with an appositive, and keeps it apart from another of the same surname', () => {
    const found = extractStatements([
      'Former Mayor George W. Holt campaigned in the county on Monday.',
      'Jeb Holt, the former county treasurer, who has resented the mayor’s rise, called the levy “a tax on the fleet.”',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Jeb Holt']);
  });

  it.each([
    ['by dashes', ['Lt. Gov. Ana Ruiz toured the flooded district on Monday.', 'The governor’s deputy — Lt. Gov. Ana Ruiz — said the budget must pass this week.'], 'Ana Ruiz'],
    ['by commas, with a title', ['The governor’s opponent, Vermont Sen. Dan Reyes, said the party must unite.'], 'Dan Reyes'],
    ['by commas, with a place', ['Another analyst, Dana Whitfield of Marlow College, said the survey showed the council losing ground.'], 'Dana Whitfield'],
  ])('takes the name set off %s after a description as the subject', (_how, paragraphs, speaker) => {
    expect(extractStatements(paragraphs).map((statement) => statement.speaker)).toEqual([speaker]);
  });
});

describe('subjects that are more than one name', () => {
  it('gives a statement by a person and their people to the person', () => {
    expect(extractStatements(['Sanders and his supporters argue that the delegates must back him at the convention.'])[0]?.speaker).toBe('Sanders');
    // Their people may be said to be somewhere or for something, but a title's "of" keeps the name set off after it.
    const speakerOf = (text: string) => extractStatements([text]).map((statement) => statement.speaker);
    expect(speakerOf('Ana Lima and her rivals for the Halden nomination have said they will undo the levy.')).toEqual(['Ana Lima']);
    expect(speakerOf('Ana Lima and her allies in the council said they will undo the levy.')).toEqual(['Ana Lima']);
    expect(speakerOf('In 1952, Ana Lima and her future minister of finance, Tom Reyes, criticized the levy.')).toEqual(['Tom Reyes']);
  });

  it('keeps a report inside another speaker’s "that"-clause with the outer speaker', () => {
    const found = extractStatements(['Pointing to the staff, Mayor Tom Walsh noted that Ohio boasted only one paid organizer before the last election.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Walsh']);
  });

  it('keeps a clause joined to a condition inside what was said with the speaker ("until the currency steadies and the government explains …")', () => {
    const found = extractStatements(['Mayor Tom Walsh said the city would not sign until the union drops the lawsuit and the board explains the cuts.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['Tom Walsh', 'condition']]);
    expect(found[0].claim.split(' ')).toEqual(expect.arrayContaining(['lawsuit', 'cut']));
    // A clause set off by a comma is a report of its own.
    const apart = extractStatements(['Mayor Tom Walsh said the city would not sign until the union drops the lawsuit, and the board said the cuts would stay.']);
    expect(apart.map((statement) => statement.speaker)).toEqual(['Tom Walsh', 'board']);
  });

  it('keeps a report whose subject is the speaker and another ("said both he and Reyes promised") with the speaker', () => {
    const found = extractStatements(['Tom Walsh said both he and Reyes promised to fight the levy, but only he kept the promise.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Walsh']);
    // A determiner before the subject's noun ("she and her peers", "her peers"): still the outer speaker's report.
    const peers = extractStatements([
      "Ms. Ana Sherry said she and her female peers jokingly referred to themselves as ''The Glass Ceiling Club.''",
      'Ms. Sherry said her peers called the levy a disgrace to the city.',
    ]);
    expect(peers.map((statement) => statement.speaker)).toEqual(['Ana Sherry', 'Ana Sherry']);
  });

  it('gives a statement whose subject joins two people ("Ana Holt and Tom Walsh said") to each of them, shown whole', () => {
    const found = extractStatements(['Mayor Ana Holt and Councillor Tom Walsh said they would not accept the levy.']);
    expect(found.map((statement) => [statement.speaker, statement.kind, statement.text])).toEqual([
      ['Ana Holt', 'refusal', 'Mayor Ana Holt and Councillor Tom Walsh said they would not accept the levy.'],
      ['Tom Walsh', 'refusal', 'Mayor Ana Holt and Councillor Tom Walsh said they would not accept the levy.'],
    ]);
    expect(found[0].claim).toBe(found[1].claim);
    expect(found[0].claim).not.toMatch(/holt|walsh/);
  });
});

describe('sentences and abbreviations', () => {
  it('does not end a sentence at a title, a month before its day, or an initialism the sentence goes on after', () => {
    const [statement] = extractStatements(['Gov. Jerry Brown said the U.S. and Japan must resume talks by Sept. 30 or the deal is off.']);
    expect(statement).toMatchObject({ speaker: 'Jerry Brown', text: 'Gov. Jerry Brown said the U.S. and Japan must resume talks by Sept. 30 or the deal is off.' });
  });

  it('does not end a sentence at a quoted question or exclamation that its attribution follows', () => {
    const found = extractStatements([
      '“We will never accept those terms, who would?” Councillor Tom Reyes told reporters on Monday.',
      '“Why should we wait?” he asked. “Never!” The crowd cheered.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.text])).toContainEqual([
      'Tom Reyes',
      '“We will never accept those terms, who would?” Councillor Tom Reyes told reporters on Monday.',
    ]);
    expect(readSentences(['“Why should we wait?” he asked. “Never!” The crowd cheered.']).map((sentence) => sentence.text)).toEqual([
      '“Why should we wait?” he asked.',
      '“Never!”',
      'The crowd cheered.',
    ]);
  });

  it('keeps a quoted question with its attribution when a manner adverb stands between the name and the verb', () => {
    expect(readSentences(['“Can I give my seat to Tom?” Ana Lima tearfully asked before leaving.']).map((sentence) => sentence.text)).toEqual([
      '“Can I give my seat to Tom?” Ana Lima tearfully asked before leaving.',
    ]);
    const found = extractStatements(['Tom Reyes spoke first.', '“Can we cut the levy before the vote?” Ana Lima tearfully asked before leaving.']);
    expect(found.map((statement) => [statement.speaker, statement.text])).toEqual([['Ana Lima', '“Can we cut the levy before the vote?” Ana Lima tearfully asked before leaving.']]);
  });

  it('reads "speeches and promises to …" after a past verb as two nouns, not a verb whose subject opens the sentence', () => {
    const found = extractStatements([
      'Reyes electrified the small crowds with impassioned speeches and promises to cut the levy if elected, Stovall said.',
      'Ana Holt survived five years in a prison camp and says the levy must first be repealed.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Stovall', 'Ana Holt']);
  });

  it('gives ", added his campaign manager Jeff Weaver" to the name after the role, not to whoever spoke before', () => {
    const found = extractStatements([
      '“We will win the state,” said Ana Holt.',
      '“We have a path to victory,” added her campaign manager Jeff Weaver.',
      '“The gap is large,” added a South Carolina Democrat.',
      'The levy’s “excesses” are sickening, Holt said Tuesday in Dunmore, noting the Republican nominee “wants to double it.”',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Holt', 'Jeff Weaver', 'South Carolina Democrat', 'Ana Holt']);
  });

  it('gives a quotation "said the woman" closes to no one, and the quotation that goes on after it too, not to whoever spoke before', () => {
    const found = extractStatements([
      '“The levy must go,” said Mayor Ana Holt.',
      '“We will not pay the levy unless the council cuts it,” said the woman, who did not want to be named. “They must first repeal the old one.”',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.text.endsWith('repeal the old one.”')])).toEqual([
      ['Ana Holt', false],
      [null, true],
    ]);
  });

  it('does not give a quotation that runs on after "said the woman" to whoever spoke before her', () => {
    const found = extractStatements([
      '“The levy must go,” said Mayor Ana Holt.',
      '“We will not pay,” said the woman, who did not want to be named.',
      '“The council must first repeal the old levy before any new one.',
      'It would be unfair to the fleet unless the state pays.”',
    ]);
    expect(found.filter((statement) => statement.speaker === 'Ana Holt').map((statement) => statement.paragraphIndex)).toEqual([0]);
  });

  it('reads an opening mark typed against the words it ends ("“It’s unusual,“ said Noble") as the closing one', () => {
    const found = extractStatements([
      '“The levy must go,” said Ana Holt.',
      '“The council must first approve the budget,“ said Larry Noble, an attorney with the Dunmore Legal Center. “It is a hard thing to do.”',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Holt', 'Larry Noble']);
    const [quoted] = readSentences(['“The council must first approve the budget,“ said Larry Noble.']);
    expect(quoted.tokens.filter((token) => token.quoteMark).map((token) => token.quoteMark)).toEqual(['open', 'close']);
  });

  it('does not end a sentence at a question closed by two apostrophes, as newspaper copy writes quotes, that its attribution follows', () => {
    const text = "''Why should the levees wait until winter?'' said Zeynep Tufekci, an assistant professor.";
    expect(readSentences([text]).map((sentence) => sentence.text)).toEqual([text]);
    // Cut after the question, the quotation went on with the speaker before.
    const found = extractStatements(['“The levees cannot wait,” said Ana Holt.', text]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Holt', 'Zeynep Tufekci']);
  });

  it('still ends a sentence at an initialism followed by a new sentence', () => {
    const found = extractStatements(['Senator Maria Ortiz said she would never move to the U.S. The next day she said the plan must change.']);
    expect(found.map((statement) => statement.text)).toEqual([
      'Senator Maria Ortiz said she would never move to the U.S.',
      'The next day she said the plan must change.',
    ]);
  });
});

describe('site prompts inside the body', () => {
  it('takes no statement from a paywall prompt left in a paragraph', () => {
    const found = extractStatements([
      'This article is for subscribers. Subscribe to read the full story: Senator Maria Ortiz says she will block the budget unless pensions are protected.',
      'Senator Maria Ortiz said she would never vote for cuts to pensions.',
    ]);
    expect(found.map((statement) => statement.text)).toEqual(['Senator Maria Ortiz said she would never vote for cuts to pensions.']);
  });
});

describe('verbs after a quotation', () => {
  it('takes "…,” added X" as X closing the quote, and a hyphenated description before the name', () => {
    const [added] = extractStatements(['“And it is not surprising that the party will lose,” added Pavone.']);
    expect(added.speaker).toBe('Pavone');
    const [described] = extractStatements(['“He speaks his mind, and I think the country needs that,” said 17-year-old Jared Potts.']);
    expect(described.speaker).toBe('Jared Potts');
  });

  it('takes "“…?” X pressed." and "“…,” X answered." as X closing the quote, but not "pressed for a vote"', () => {
    const found = extractStatements([
      '“Would you cut the levy before the vote?” Ana Lima pressed.',
      '“We will not cut it unless the audit is published first,” Tom Reyes answered.',
      'Councillors pressed for a vote on the levy before the summer.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
  });

  it('reads "…, the council agreed." as an attribution but "… only if the council agreed." as part of a condition', () => {
    const found = extractStatements([
      'Mayor Tom Reyes said the levy would be cut only if the council agreed.',
      'The levy will be cut only if the vote passes, the council agreed.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Tom Reyes', 'condition'],
      ['council', 'condition'],
    ]);
    expect(found[0].claim).toContain('council');
  });

  it('reads "…, X said of the plan, “…”" as X saying the quotation, and "“…,” X said of the plan." as closing it', () => {
    const [leading] = extractStatements([
      'On the same day that the council voted to raise the levy by a fifth, Mayor Tom Reyes said of the vote, “I will not sign it.”',
    ]);
    expect(leading).toMatchObject({ speaker: 'Tom Reyes', kind: 'refusal' });
    const [trailing] = extractStatements(['“I will not sign the levy,” Mayor Tom Reyes said of the vote.']);
    expect(trailing).toMatchObject({ speaker: 'Tom Reyes', kind: 'refusal' });
  });

  it('takes "“…,” X started." and "“…!” X shouted." as X closing the quote, but not "the talks started"', () => {
    const found = extractStatements([
      '“Would you cut the levy before the vote?” Ana Lima started.',
      '“We will not cut it unless the audit is published first!” Tom Reyes shouted, slamming the table.',
      "''We will not cut it,'' concluded Mr. Reyes.",
      'The talks started on Monday and the council concluded its review of the levy.',
      // Where, to whom and when may follow: "shouted to the crowd", "posted on Facebook", "as she left".
      '“We will not back down,” Ola Berg shouted to the crowd as she left the hall.',
      '“The levy must go,” Ivo Pelt posted on Facebook.',
      // A verb that reports a clause elsewhere ("noted that …") closes the quotation here.
      '“We will cut the levy,” judge Lima noted as she made her decision.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes', 'Tom Reyes', 'Ola Berg', 'Ivo Pelt', 'Ana Lima']);
  });

  it('does not take a name inside a relative clause after the verb for the speaker (", said one official who named Tom Reyes")', () => {
    expect(speakersOfSentence('“The audit is late,” said one official who named Tom Reyes.')).toEqual(['official']);
    expect(speakersOfSentence('“The audit is late,” said Berg, who also backs Tom Reyes.')).toEqual(['Berg']);
    expect(speakersOfSentence('“The audit is late,” said retired judge Tom Reyes.')).toEqual(['Tom Reyes']);
  });

  it('does not give a sentence about a quoted name to the last speaker ("“Harbour Days” is a drama …")', () => {
    const after = (sentence: string) => extractStatements(['Mayor Ana Lima said the levy must go.', sentence]).slice(1).map((statement) => statement.text);
    expect(after('“Harbour Days” is a drama that follows a mayor.')).toEqual([]);
    expect(after('“Harbour Days,” on Channel 4, is a present-day drama about the port.')).toEqual([]);
    expect(after('“Make Halden Great” resonated with him so much that he wears it.')).toEqual([]);
    // A quotation goes on with its speaker; an exclamation is said, whatever follows it.
    expect(after('“We will not pay it, whatever the council says.”')).toEqual(['“We will not pay it, whatever the council says.”']);
    expect(after('“We will never pay!” was how she ended the meeting.')).toHaveLength(1);
  });

  it('takes a manner of saying that closes a quotation ("“…,” an angry Lima retaliated.") as the quotation’s speaker, not the last one', () => {
    const found = extractStatements([
      'Mayor Ana Lima criticized Councillor Tom Reyes on Monday.',
      'Reyes said the city had lost its way: “Halden is no longer Halden,” he claimed.',
      '“Halden will always be Halden,” an angry Lima retaliated.',
      '“The levy must go,” Reyes grumbled.',
    ]);
    expect(found.slice(2).map((statement) => statement.speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
    // The speaker may carry a place and a role before the name, after the verb or before it.
    const described = extractStatements([
      'Mayor Ana Lima spoke on Monday.',
      '“We will not sell the depot,” mused Halden co-host Ivo Karsk.',
      '“The levy must go,” Norvale council leader Tom Reyes grumbled.',
    ]);
    expect(described.map((statement) => statement.speaker)).toEqual(['Ivo Karsk', 'Tom Reyes']);
  });

  it('takes "…,” Pelt fumed" as a verb of saying, though wink reads "fumed" as an adjective', () => {
    const found = extractStatements(['Ana Lima, a councillor, disagreed.', '“We will not sell the depot,” Pelt fumed on Tuesday.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Pelt']);
    // "remembered" closes a quotation as "recalled" does.
    const remembered = extractStatements(['Ana Lima, a councillor, disagreed.', '“She would never sell the depot,” remembered Tom Reyes, her former spokesman.']);
    expect(remembered.map((statement) => statement.speaker)).toEqual(['Tom Reyes']);
  });

  it('takes "…,” Bennett shot back" as a verb of saying, though wink reads "shot" as a noun', () => {
    const found = extractStatements(['Ana Lima, a councillor, disagreed.', '“They will not vote for the levy unless it is cut,” Bennett shot back with a laugh.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Bennett']);
    expect(extractStatements(['The mayor took a parting shot back home on Monday.'])).toEqual([]);
  });

  it('takes "…,” Ohio delegate Bill Eastland said" as Eastland closing the quote, the capitalised word part of his description', () => {
    const found = extractStatements(['“We will not back the platform unless the tax plank goes,” Ohio delegate Bill Eastland said.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['Bill Eastland', 'condition']]);
  });

  it('reads "X’s position is that …" and "X’s main demand is …" as X saying it, but not "X’s position is unclear"', () => {
    const found = extractStatements([
      'The ministry’s position is that the tender cannot be reopened.',
      'Councillor Ola Berg’s view is that the depot must stay open.',
      'Mayor Ana Lima’s position is unclear.',
      // Terms spelt out by "is" or "includes"; not someone's judgment of them.
      'The union’s main demand is a 9 percent raise.',
      'The company’s latest offer includes a 3 percent raise.',
      'The union’s conditions include a cap on class sizes.',
      'The union’s demand was unrealistic.',
      // A message's owner, not whom it went to.
      'Councillor Ivo Pelt’s message to the board was blunt: the depot stays open.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['ministry', 'position'],
      ['Ola Berg', 'condition'],
      ['union', 'demand'],
      ['company', 'offer'],
      ['union', 'condition'],
      ['Ivo Pelt', 'claim'],
    ]);
  });

  it('reads "made it clear (to X) that …" as saying, but not "made clear progress"', () => {
    const found = extractStatements([
      'Mayor Ana Lima made it clear to the council on Monday that she would veto any fare rise.',
      'Governor Tom Reyes made clear progress on the rail budget this week.',
      // Without "that": a clause, its subject right before its verb.
      'Councillor Ola Berg made clear the drivers would strike if the depot closed.',
      'Governor Tom Reyes made clear progress on the rail budget, aides said.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'position'],
      ['Ola Berg', 'condition'],
      ['aides', 'position'],
    ]);
    // Making it clear takes a stance on what would otherwise be a bare claim.
    const [backs] = extractStatements(['Mayor Ana Lima made it clear to the drivers on Monday that the city has their backs.']);
    expect(backs).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
  });

  it('reads "fired back" and "shot back" as saying', () => {
    const found = extractStatements([
      'Senator Ana Ruiz said the budget must pass this week.',
      '“The budget will not pass without the school money,” Mayor Tom Reyes fired back.',
      'He shot back that the council would never accept the cuts.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Ruiz', 'Tom Reyes', 'Tom Reyes']);
  });

  it('reads "retorted", "scoffed", "opined" and "assured" as saying', () => {
    const found = extractStatements([
      '“We will not raise the fee again,” Ms. Okafor retorted.',
      '“Nobody here wants a strike,” scoffed Dan Reyes, the union steward.',
      '“The plant must stay open,” opined the Harbor Ledger.',
      'Ms. Lima assured reporters that the council would keep the fare freeze.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Okafor', 'Dan Reyes', 'Harbor Ledger', 'Lima']);
  });
});

describe('titles given after a name', () => {
  it('takes a description of a person nobody has spoken as yet for the one person the sentence names before it', () => {
    const found = extractStatements([
      'A councillor in the province is calling for Ana Lima to resign after the former candidate suggested that rural voters posed a threat to the city.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['councillor, province', 'demand'], ['Ana Lima', 'concern']]);
  });

  it('resolves "the mayor" to the person an appositive named mayor, and reads no date into the subject', () => {
    const [statement] = extractStatements(['Ruth Ellery, the mayor of Dunmore, opened the bridge in June.', 'On Monday the mayor said the city must repair it before winter.']);
    expect(statement.speaker).toBe('Ruth Ellery');
  });

  it('reads no appositive after a preposition or before a verb ("in Chelsea, the mayor also said")', () => {
    const found = extractStatements(['At a press conference in Chelsea, the mayor also said the city must repair the bridge before winter.']);
    expect(found.map((statement) => statement.speaker)).not.toContain('Chelsea');
    const met = extractStatements(['Bill Marsh met Chelsea, the mayor also said the city must repair the bridge before winter.']);
    expect(met.map((statement) => statement.speaker)).not.toContain('Chelsea');
  });
});

describe('stances in the main verb', () => {
  it('reads a stance noun the speaker owns as its verb ("announced his intention to run", "restated its refusal to", "voiced her opposition to")', () => {
    const found = extractStatements([
      'Mayor Ana Holt on Friday announced her intention to cut the levy on the depot.',
      'The union restated its refusal to accept the offer.',
      'Senator Ilse Marwood voiced her opposition to the new toll on the bridge.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Holt', 'position'],
      ['union', 'refusal'],
      ['Ilse Marwood', 'position'],
    ]);
  });

  it('reads a worry flagged and named after a colon ("flagged a new worry: wage growth") as a concern', () => {
    const [flagged] = extractStatements(['Governor Ana Lima also flagged a new worry: wage growth.']);
    expect(flagged).toMatchObject({ speaker: 'Ana Lima', kind: 'concern' });
  });

  it('passes over a relative clause set off by commas and a date before the main verb ("Holt, who has been feuding with the council, on Friday rejected")', () => {
    const [statement] = extractStatements(['Ana Holt, who has been feuding with the council this week, on Friday rejected the offer to cut the levy on the depot.']);
    expect([statement?.speaker, statement?.kind]).toEqual(['Ana Holt', 'refusal']);
  });

  it('reads "Reyes’s running mate, Ana Lima, endorsed …" with the -ing word a modifier of the owned noun, not the main verb', () => {
    const found = extractStatements([
      'Reyes’s running mate, Ana Lima, endorsed the fare freeze.',
      'His running mate, Ana Lima, endorsed the levy.',
      // An "'s" that is "is" owns nothing: "telling" stays the verb.
      'She’s telling allies that the levy must go.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Lima', 'position'],
      ['Ana Lima', 'position'],
      ['Ana Lima', 'condition'],
    ]);
  });

  it('reads "the ministry plans to …" as the body’s stance, the present verb wink takes for a plural noun', () => {
    const found = extractStatements(['The ministry plans to cut the cod quota by 10 percent.', 'The union wants to delay the strike vote.']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['ministry', 'position'],
      ['union', 'position'],
    ]);
  });

  it('reads a stance verb in the present that wink takes for a plural noun ("Lima disavows the plan") as the verb', () => {
    const [statement] = extractStatements(['Mayor Ana Lima disavows the plan to sell the depot.']);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
    // A noun in -ers is no verb in -s: "endorsers" is not "endorse".
    expect(extractStatements(['Celebrity endorsers Ana Lima and Tom Reyes have been touring the state.'])).toEqual([]);
  });

  it('reads the main clause after a long "while" clause, the stance of its own subject', () => {
    const [statement] = extractStatements([
      'While Governor Tom Reyes has yet to endorse the mayor’s plan to freeze fares on every night route, Councillor Ana Lima has thrown her support behind it.',
    ]);
    expect(statement).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
  });

  it('takes no stance from a free relative that is the subject of another verb ("what she wants remains a mystery"), but reads "what she wants is …"', () => {
    const found = extractStatements([
      'Mayor Ana Lima met the council on Monday.',
      'What she truly wants remains a mystery to the council.',
      'What she wants first is a fare freeze.',
    ]);
    expect(found.map((statement) => statement.text)).toEqual(['What she wants first is a fare freeze.']);
  });
});

describe('a pronoun that refers ahead', () => {
  it('gives a "he" to the owner the sentence opens with when it names no one else ("Reyes’s temper came under scrutiny: he …")', () => {
    const found = extractStatements([
      'Councillor Sam Lima said the levy was illegal.',
      'Governor Tom Reyes’s temper came under scrutiny: he was challenged over his statement that the levy must go.',
    ]);
    expect(found.at(-1)?.speaker).toBe('Tom Reyes');
  });

  it('gives a "he" after "X asked Y about …" to Y, the one questioned', () => {
    const found = extractStatements([
      'Governor Tom Reyes spoke on Thursday.',
      'Radio host Sam Lima asked Reyes about statements he had made the previous night, when he said the council must drop the levy.',
    ]);
    expect(found.at(-1)).toMatchObject({ speaker: 'Tom Reyes', text: 'when he said the council must drop the levy' });
  });

  it('gives "he" in a subordinate clause that opens the sentence to the main clause’s subject, not to the last speaker', () => {
    const finch = 'Tom Finch said the council must approve the budget.';
    const [, ahead] = extractStatements([finch, 'While he has said he will fight on to the convention, Sam Ortiz must decide what he will demand.']);
    expect(ahead.speaker).toBe('Sam Ortiz');
    const [, back] = extractStatements([finch, 'He said he will fight on to the convention.']);
    expect(back.speaker).toBe('Tom Finch');
  });
});

describe('an attribution set inside the clause it attributes', () => {
  it('takes the clause on both sides of "…, X said, …" as what was said', () => {
    const [statement] = extractStatements(['The problem, Senator Ann Loy said, is that the state will not pay unless the county agrees.']);
    expect(statement).toMatchObject({ speaker: 'Ann Loy', kind: 'condition' });
    expect(statement.text).toBe('The problem, Senator Ann Loy said, is that the state will not pay unless the county agrees.');
    const [first, second] = extractStatements([
      'What the council could not accept, Ann Loy said, was a fare that ran ahead of inflation, and she called for a cap on the rise.',
    ]);
    expect(first.text).toBe('What the council could not accept, Ann Loy said, was a fare that ran ahead of inflation');
    expect(second).toMatchObject({ speaker: 'Ann Loy', kind: 'demand' });
  });

  it('ends the clause at the attribution when a participle goes on after it', () => {
    const [statement] = extractStatements(['The state must pay for the bridge, Ann Loy said, citing the cost of the repairs.']);
    expect(statement.claim).toContain('bridge');
    expect(statement.claim).not.toMatch(/cost|repair/);
  });
});

describe('names compounded with a word', () => {
  it('takes no person from the end of a compound ("the Dodd-Frank law"), so "she" stays with the woman named', () => {
    const found = extractStatements([
      'Mayor Ana Holt and Senator Tom Reyes spoke on Monday.',
      'He wants to repeal the levy; she backs the 2010 Dodd-Frank law that would break up the banks.',
      'She calls for $275 billion in new spending on the bridges.',
    ]);
    expect(found.at(-1)?.speaker).toBe('Ana Holt');
  });

  it('keeps the hyphen of "Ana Holt-led" out of the name', () => {
    const [statement] = extractStatements(['The Ana Holt-led council met on Monday.', '“We will not pay the levy,” she said.']);
    expect(statement.speaker).toBe('Ana Holt');
  });
});

describe('given names read alone', () => {
  it('takes the whole name when the name finder keeps only the given name ("said Kristen Day", "said Lee Ostrova")', () => {
    const found = extractStatements(['“The levy must go,” said Kristen Day, director of the riders’ group.', '“The fares must fall,” said Lee Ostrova, an economist.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Kristen Day', 'Lee Ostrova']);
  });

  it('takes no auxiliary that opens a question for a given name ("Would Halden have to …?")', () => {
    const found = extractStatements(['Q: Would Halden have to drop its appeal?', 'Halden said it would drop the appeal if the fine was cut.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Halden']);
  });
});

describe('places read as names', () => {
  it('takes no person from a place before a possessive ("New Jersey’s governor", "Ohio’s governor")', () => {
    const found = extractStatements([
      'Governor Tom Dale and Senator Ana Holt spoke on Monday.',
      'Dale, New Jersey’s sitting governor, repeated his accusations.',
      'Speaking at a town hall in Salem, New Hampshire, Holt went after the council, calling it “a rubber stamp.”',
      'Dale, Ohio’s sitting governor, was there too.',
      'Speaking in Dayton, Ohio, Holt went after the levy, calling it “a tax on the poor.”',
    ]);
    expect(found.filter((statement) => statement.text.includes('calling')).map((statement) => statement.speaker)).toEqual(['Ana Holt', 'Ana Holt']);
  });
});

describe('phrases between a name and its verb', () => {
  it('skips an adverb set off by commas before a relative clause ("Lima, meanwhile, who …, said")', () => {
    const found = extractStatements(['Mayor Ana Lima spoke on Monday.', 'Lima, meanwhile, who has opposed the levy for years, said the council would drop it.']);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ana Lima']);
  });

  it('skips where or how a named speaker spoke ("Reyes in a Medium post said", "Holt at a rally in the capital said")', () => {
    const found = extractStatements([
      'Mayor Ana Holt and Senator Tom Reyes met.',
      'Reyes in a Medium post said he would put more judges on the bench.',
      'Holt at a rally in the capital said the levy must go.',
      'Officials in Kessel said the dam would be filled.',
    ]);
    // Officials in a place are its officials: a source the place's side follows (`speaksAs`).
    expect(found.map((statement) => statement.speaker)).toEqual(['Tom Reyes', 'Ana Holt', 'Officials, Kessel']);
  });

  it('reads past a short quoted name inside a participle clause ("Eastland, wearing “Team Holt” pins, said")', () => {
    const found = extractStatements([
      'Mayor Ana Holt spoke first.',
      '“We will not pay for the depot,” Bill Eastland, wearing “Team Holt” pins, said.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Bill Eastland']);
  });

  it('skips a relative clause whose closing comma stands inside quotation marks ("Lima, who calls the levy a “disgrace,” said")', () => {
    const [said] = extractStatements(['Mayor Ana Lima, who calls the levy a “disgrace,” said the depot would close in May.']);
    expect(said).toMatchObject({ speaker: 'Ana Lima', kind: 'position' });
    const [quotation] = extractStatements(['“We will not pay for the depot,” said Lima.']);
    expect(quotation).toMatchObject({ speaker: 'Lima', kind: 'refusal' });
  });

  it('skips a phrase of where or how with a possessive ("Holt in her budget speech said")', () => {
    const found = extractStatements(['Mayor Ana Holt and Senator Tom Reyes met.', 'Holt in her budget speech said the levy must go.', 'Reyes in his reply called the levy “a lifeline.”']);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Ana Holt', 'condition'],
      ['Tom Reyes', 'position'],
    ]);
  });
});

describe('names the tagger misreads', () => {
  it('reads a surname tagged as an adverb before the verb ("Kindly said") as the speaker, not as an adverb', () => {
    const found = extractStatements([
      'Rep. Maya Kindly is running for the Senate.',
      'Kindly said the state would not pay the levy unless the county agrees.',
      'Ms. Kindly also said she would back the bill.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([
      ['Maya Kindly', 'condition'],
      ['Maya Kindly', 'position'],
    ]);
  });
});

describe('an attribution after the clause it attributes', () => {
  it('gives "…, who …, said Ann Loy, director of …" to the name after the verb, not to the noun before the clause', () => {
    const [statement] = extractStatements([
      'The mayor lacks support from colleagues in the Council, whom she has angered with her budget, said Ann Loy, director of the Civic Institute.',
    ]);
    expect(statement).toMatchObject({ speaker: 'Ann Loy', role: 'director' });
  });

  it('reads a sentence that opens with the verb ("Said Ann Loy, who …, “…”") as the quotation of the name after it', () => {
    const found = extractStatements([
      'Mayor Tom Reyes spoke first.',
      'Said Loy, “The city will not pay for the bridge unless the state does.”',
      'Said Ann Loy, who grew up in the valley, “We must first repair the levee.”',
      'Asked whether Reyes “has the votes to pass the levy,” 70 percent of voters said no.',
    ]);
    expect(found.map((statement) => [statement.speaker, statement.kind, statement.text.slice(0, 12)])).toEqual([
      ['Ann Loy', 'condition', 'Said Loy, “T'],
      ['Ann Loy', 'position', 'Said Ann Loy'],
    ]);
    // "According to X, …" reports all that follows the name, not just from its quotation on.
    const according = extractStatements(['According to the Gazette, Mayor Ana Holt praised her “wonderful donors” at the dinner, and she asked the bankers to freeze rates.']);
    expect(according.map((statement) => statement.speaker)).toEqual(['Gazette', 'Ana Holt']);
  });

  it('keeps the subject before the verb when what follows a name is not the end of the clause ("said of Cruz", "said Trump was")', () => {
    const found = extractStatements([
      'Sen. Ann Loy, facing a hard race, said Mayor Tom Reyes would not win.',
      '“He has many supporters,” Loy, after a long pause, said of Reyes.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Ann Loy', 'Ann Loy']);
  });
});

describe('clauses around the subject', () => {
  it('skips a participle phrase whose quotation closes before the verb ("Mr. Loy, citing “…,” said") to the subject', () => {
    const found = extractStatements([
      'Mr. Loy, citing “the unique magic of Holt,” said the candidate could win in states like Ohio.',
      'Ms. Ruiz, citing \'\'the cost of the bridge,\'\' said the county would not pay for it.',
      '“We will win the state,” said Mr. Loy.',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Loy', 'Ruiz', 'Loy']);
  });

  it('gives a participle after a clause joined with its own subject ("…, and Lima has sued the union, saying …") to that subject', () => {
    const found = extractStatements([
      'Mayor Ana Lima spoke on Monday.',
      'The union says the levy is unfair, and Lima has already sued the union over the strike, saying it violates the contract.',
      'The union says the levy is unfair, and has already sued the city over the strike, saying it violates the contract.',
      // "and," then a participle: no clause of its own.
      'On Sunday, Pastor Tom Reyes stood at his pulpit in Dayton, Ohio, and, citing the gospel, endorsed Senator Mary Holt of Ohio, urging his parishioners to vote for her.',
    ]);
    expect(found.filter((statement) => /saying|urging/.test(statement.text)).map((statement) => statement.speaker)).toEqual(['Ana Lima', 'union', 'Tom Reyes']);
  });

  it('gives a participle after an opening subordinate clause to the main clause’s subject, not the clause’s', () => {
    const found = extractStatements([
      'Although Reyes is not yet a candidate, Holt sent a jab his way by suggesting that Reyes would lose the vote.',
      'When Holt returned, she began by saying that the levy must go.',
      'When Reyes returned he began by saying, “The council must first repeal the old levy.”',
    ]);
    expect(found.map((statement) => statement.speaker)).toEqual(['Holt', 'Holt', 'Reyes']);
  });

  it('takes "she" after an opening adjunct that names her in the possessive ("Since Holt’s op-ed in May, she has …") as her, not the last speaker', () => {
    const found = extractStatements([
      'Mayor Ana Holt hopes to win the county.',
      'Senator Mary Loy said the mandate was far too low.',
      "Since Holt's op-ed in May, she's tacked to the left, criticizing the pipeline and calling for a ban on drilling.",
    ]);
    expect(found.at(-1)).toMatchObject({ speaker: 'Ana Holt', paragraphIndex: 2 });
  });
});

describe('organisations as speakers', () => {
  it('gives a quoted paragraph after an organisation’s report to the organisation, and "he" to the last person', () => {
    const found = extractStatements([
      'Senator Alex Ortiz said the bill was dead.',
      'The Associated Press reported on Monday:',
      '“The committee will not take up the bill until the budget is passed.”',
      'He said the vote would come later.',
    ]);
    expect(found.find((statement) => statement.text.startsWith('“The committee'))?.speaker).toBe('Associated Press');
    expect(found.find((statement) => statement.text.startsWith('He said'))?.speaker).toBe('Alex Ortiz');
  });

  it('takes an organisation named by the last word of its name for the one named before in full ("the Chronicle")', () => {
    const speakersOf = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => statement.speaker);
    expect(speakersOf(['The Norvale Evening Chronicle reported that the levy will rise.', 'The Chronicle says the depot will close.'])).toEqual([
      'Norvale Evening Chronicle',
      'Norvale Evening Chronicle',
    ]);
    // Not when two names end in the word, nor for initials.
    expect(speakersOf(['The Norvale Times reported that the levy will rise.', 'The Halden Times reported that the depot will close.', 'The Times says the fares will rise.']).at(-1)).toBe('Times');
    expect(speakersOf(['The Young NVP reported that the levy will rise.', 'The NVP says the depot will close.']).at(-1)).toBe('NVP');
  });

  it('takes a watched speaker named as a body ("Norvale Drivers Union", "Office of the Norvale Ombudsman") for an organisation', () => {
    const speakers = ['Norvale Drivers Union', 'Office of the Norvale Ombudsman', 'Ana Lima'];
    const found = extractStatements(
      ['The Norvale Drivers Union wants the depot kept open. It has welcomed the offer of new buses.', 'The Office of the Norvale Ombudsman wants the fares cut. It also says the depot must stay open.'],
      { speakers },
    );
    // "It …" goes on with the body that spoke just before.
    const following = found.filter((statement) => statement.text.startsWith('It '));
    expect(following.map((statement) => `${statement.speaker}: ${statement.claim}`)).toEqual([expect.stringMatching(/^Norvale Drivers Union: .*bus/), expect.stringMatching(/^Office of the Norvale Ombudsman: .*depot/)]);
  });

  it('gives what a permit or a rule requires to the watched body, named with its article, that issued it', () => {
    const speakers = ['Halden Energy Agency', 'Norvale Power'];
    const found = extractStatements(
      ['The Halden Energy Agency published its final permit for the Brea wind farm on Thursday. The permit requires two fishing corridors at least 1.5 kilometres wide.'],
      { speakers },
    );
    expect(found.map((statement) => [statement.speaker, statement.kind])).toEqual([['Halden Energy Agency', 'position']]);
  });

  it('takes a watched speaker of one word that reads as no person\'s (a company) as a body: "it" after it speaks, never "she"', () => {
    const found = extractStatements(
      [
        'Judge Ana Lima suspended the fine until the court rules on Brevolt’s appeal. In her ruling, the judge found that forcing Brevolt to act risked harm. On the ban, she concluded that the public interest outweighed the harm to the company.',
        'Brevolt welcomed the ruling. In a statement, it said it would comply with the court’s decision on advertising.',
      ],
      { speakers: ['Brevolt', 'Ana Lima'] },
    );
    expect(found.find((statement) => statement.text.includes('she concluded'))?.speaker).toBe('Ana Lima');
    expect(found.find((statement) => statement.text.startsWith('In a statement'))?.speaker).toBe('Brevolt');
    // A title or a role says a person.
    const karsk = extractStatements(['Union leader Karsk said the strike would go on. He said talks would not resume before May.'], { speakers: ['Karsk'] });
    expect(karsk.map((statement) => statement.speaker)).toEqual(['Karsk', 'Karsk']);
  });
});

describe('credit lines of posts and block quotations', () => {
  const post = 'We will not sign off on the port expansion unless Brevolt pays for the new sea wall.';
  const spoken = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => [statement.speaker, statement.text]);

  it('gives an embedded post to the author its credit line names, with or without the article naming them', () => {
    expect(spoken(['Brevolt and the city are at odds.', post, '— Ana Lima (@analima) March 3, 2025 at 10:15 AM'])).toEqual([['Ana Lima', post]]);
    // A Bluesky handle breaks the line into sentences; the credit is still read as one.
    expect(spoken(['Brevolt and the city are at odds.', post, '— Ana Lima (@ana.bsky.social) 3 March 2025'])).toEqual([['Ana Lima', post]]);
    // Named before without the handle: the register's person.
    expect(spoken(['Mayor Ana Lima is at odds with Brevolt.', post, '— Lima'])).toEqual([['Ana Lima', post]]);
  });

  it('gives a block quotation to the author and role under it', () => {
    expect(spoken(['Mayor Ana Lima is at odds with Brevolt.', `“${post}”`, '— Ana Lima, mayor of Norvale'])).toEqual([['Ana Lima', `“${post}”`]]);
    expect(spoken(['Mayor Ana Lima is at odds with Brevolt.', post, '— Deputy Prime Minister Ana Lima'])).toEqual([['Ana Lima', post]]);
  });

  it('cuts a credit that closes the post’s own paragraph, which must give a handle', () => {
    const copied = `${post.slice(0, -1)} — Ana Lima (@analima) March 3, 2025`;
    expect(spoken(['Brevolt and the city are at odds.', copied])).toEqual([['Ana Lima', post.slice(0, -1)]]);
    expect(spoken(['Brevolt and the city are at odds.', `${post} Full stop. — Ana Lima (@analima) March 3, 2025`])).toEqual([['Ana Lima', post]]);
  });

  it('credits no one from a sentence, a subheading, a list of names or an unknown name without a handle', () => {
    const none = (credit: string, before = 'Mayor Ana Lima is at odds with Brevolt.') => spoken([before, post, credit]).find(([, text]) => text === post)?.[0];
    expect(none('— Ana Lima said the sea wall would cost 20 million.')).toBeNull();
    expect(none('— Ana Lima, who chairs the council, said so.')).toBeNull();
    // Subheadings of agency copy: a phrase that names her, or her name alone between dashes.
    expect(none('– Ready to quiz Ana Lima')).toBeNull();
    expect(none('– Ana Lima –')).toBeNull();
    expect(none('— Reuters', 'Brevolt and the city are at odds.')).toBeNull();
    expect(spoken(['Those present:', post, '— Ana Lima, mayor', '— Tom Reyes, council member']).find(([, text]) => text === post)?.[0]).toBeNull();
  });
  it('reports once a post the article quotes in its prose and embeds as well', () => {
    const quoted = `“We have waited a year for the council to act. ${post.slice(0, -1)},” Mayor Ana Lima wrote on Monday.`;
    expect(spoken([quoted, post, '— Ana Lima (@analima) March 3, 2025'])).toEqual([['Ana Lima', quoted]]);
    // Only the same speaker's words: another may quote them back.
    expect(spoken([quoted, 'Councillor Tom Reyes posted her words again.', post, '— Tom Reyes (@tomreyes) March 4, 2025']).map(([speaker]) => speaker)).toEqual(['Ana Lima', 'Tom Reyes']);
  });
});

describe('titles held towards a place', () => {
  it('leaves the place of "ambassador to …" or "envoy to …" out of the name after it', () => {
    const speakers = (paragraphs: string[]) => extractStatements(paragraphs).map((statement) => statement.speaker);
    expect(speakers(['Norvale’s ambassador to Halden Ivo Karsk said the border must stay open unless the talks fail.'])).toEqual(['Ivo Karsk']);
    expect(speakers(['The envoy to Brea Karsk said the border must stay open unless the talks fail.'])).toEqual(['Karsk']);
    // A given name after "to" or "for" opens the name: a person's secretary, whom a spokesman speaks for.
    expect(speakers(['The private secretary to Ana Maria Lima said the border must stay open unless the talks fail.'])).toEqual(['Ana Maria Lima']);
    expect(speakers(['A spokesman for Ana Maria Lima said the border must stay open unless the talks fail.'])).toEqual(['Ana Maria Lima']);
  });
});

describe('names written family name first', () => {
  const speakers = (paragraphs: string[], watched: string[] = []) => extractStatements(paragraphs, { speakers: watched }).map((statement) => statement.speaker);
  const condition = 'said the ministry would not resume talks unless the sanctions were lifted.';

  it('gives a later mention by the first word ("Wang said") to the full name, watched or not', () => {
    expect(speakers(['Foreign Minister Wang Yi met Ana Lima on Monday.', `Wang ${condition}`])).toEqual(['Wang Yi']);
    expect(speakers(['Chinese President Xi Jinping met Ana Lima on Monday.', `Xi ${condition}`], ['Xi Jinping'])).toEqual(['Xi Jinping']);
    // The name finder cuts "Kim Jong Un" to "Kim Jong": still one person.
    expect(speakers(['North Korean leader Kim Jong Un met Ana Lima on Monday.', `Kim ${condition}`], ['Kim Jong Un'])).toEqual(['Kim Jong Un']);
  });

  it('not when the word could be another’s, is a common word, or is a body’s short name', () => {
    expect(speakers(['Kim Jong Un met his sister Kim Yo Jong on Monday.', `Kim ${condition}`], ['Kim Jong Un'])).not.toContain('Kim Jong Un');
    // "He" of "He Lifeng" is a pronoun too: the text writes it in lower case, so "he" stays a pronoun.
    const pronoun = speakers(
      ['Vice Premier He Lifeng met Tom Reyes on Monday.', 'He, 70, said China wanted a deal.', `Reyes spoke after the meeting, and he ${condition}`],
      ['He Lifeng', 'Tom Reyes'],
    );
    expect(pronoun).toEqual(['He Lifeng', 'Tom Reyes']);
    const body = speakers(
      ['Tom Reyes, chief executive of Brevolt Resources, spoke on Monday.', 'A ban would leave Brevolt with no outlet, he warned. “There is no smelter that could take it,” he said.'],
      ['Brevolt Resources', 'Tom Reyes'],
    );
    expect(body).toEqual(['Tom Reyes', 'Tom Reyes']);
  });
});
