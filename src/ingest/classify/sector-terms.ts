// Hand-written vocabulary for the demo sectors (src/config/site-defaults.ts), keyed by
// sector slug. `aliases` match feed categories ("Football" -> sports); `terms` seed the
// text model (sector-model.ts): each counts as if editors had filed it under the sector 8
// times, so a site with no labels yet still files stories, and labels can outvote a poor
// term. Terms written in capitals (WHO, IMF) only match capitals, so "who" and "imf" in
// running text do not count; a phrase counts as its word pairs, not its single words.
// `related` is each field's wider vocabulary (IPTC Media Topics, see SECTOR_TOPICS), seeded
// half as strongly. "rights" is not a term: stemmed it is "right" ("right-wing", "all
// right"); "human rights" and "civil rights" are. "Travel" and "food and drink" are
// lifestyle, which IPTC keeps apart from transport: Art & Culture.

export interface SectorVocabulary {
  readonly aliases: readonly string[];
  readonly terms: readonly string[];
  /**
   * The wider vocabulary of the sector's field, weaker seeds than `terms` (sector-model.ts:
   * RELATED_COUNT): laid out after the IPTC Media Topics tree (its second and third levels
   * under the top-level topics each demo sector covers, listed in SECTOR_TOPICS below),
   * written by hand in the words wire copy uses for them. Each is a word news uses mostly
   * for that field; words several fields share ("crisis", "attack", "award") are left out.
   */
  readonly related?: readonly string[];
}

/**
 * Which IPTC Media Topics (top level, https://cv.iptc.org/newscodes/mediatopic/) each demo
 * sector's `related` vocabulary follows. Lifestyle and leisure (travel, food, holidays)
 * goes with art and culture, as the demo's "Art & Culture" section carries it; religion
 * with society; disasters and accidents by kind (weather and nature: science and
 * environment; crashes: transport; fires, explosions, shootings: law and order).
 */
export const SECTOR_TOPICS: Readonly<Record<string, readonly string[]>> = {
  'agro-forestry': ['economy, business and finance > agriculture', 'environment > natural resources (forests, fisheries)'],
  'art-culture': ['arts, culture, entertainment and media', 'lifestyle and leisure', 'human interest (celebrity, obituaries)'],
  technology: ['science and technology > technology and engineering', 'economy, business and finance > media and technology'],
  'economy-business': ['economy, business and finance', 'labour'],
  education: ['education'],
  'energy-extractives': ['economy, business and finance > energy and resource, metal and mineral'],
  politics: ['politics', 'conflict, war and peace'],
  'law-governance': ['crime, law and justice', 'disaster, accident and emergency incident > fire, explosion'],
  health: ['health'],
  'science-environment': ['science and technology > natural, social sciences, research', 'environment', 'weather', 'disaster > natural disaster'],
  'social-gender': ['society', 'religion'],
  sports: ['sport'],
  transport: ['economy, business and finance > transport', 'disaster > transport accident'],
  'urban-development': ['economy, business and finance > construction and property', 'society > communities (urban)'],
  wash: ['environment > water (supply, pollution)', 'health > public health (sanitation)'],
};

export const SECTOR_VOCABULARY: Readonly<Record<string, SectorVocabulary>> = {
  'agro-forestry': {
    aliases: ['agriculture', 'farming', 'agribusiness', 'forestry', 'forests', 'fisheries', 'food and agriculture', 'rural'],
    terms: [
      'agriculture', 'agricultural', 'farmer', 'farming', 'farm', 'crop', 'harvest', 'kharif', 'rabi', 'wheat', 'rice',
      'paddy', 'maize', 'soybean', 'sugarcane', 'fertiliser', 'fertilizer', 'pesticide', 'irrigation', 'livestock',
      'cattle', 'poultry', 'dairy', 'fisheries', 'fishermen', 'forest', 'forestry', 'deforestation', 'afforestation',
      'timber', 'logging', 'agroforestry', 'food security', 'locust', 'FAO', 'IFAD', 'minimum support price', 'MSP',
      'horticulture', 'palm oil', 'cocoa', 'grain', 'seeds', 'agrarian', 'tractor',
    ],
    related: [
      'agribusiness', 'farmland', 'ranch', 'rancher', 'sheep', 'wool', 'beef', 'meat', 'pork', 'poultry farm',
      'fishing', 'fisherman', 'fishery', 'aquaculture', 'crop yield', 'cotton', 'coffee', 'tea estate', 'sugar',
      'tomato', 'vegetable', 'fruit', 'orchard', 'plantation', 'food prices', 'seed', 'agritech', 'veterinary',
      'livestock feed', 'rural economy',
    ],
  },
  'art-culture': {
    aliases: ['arts', 'culture', 'entertainment', 'music', 'film', 'films', 'movies', 'cinema', 'books', 'lifestyle', 'celebrity', 'television', 'theatre', 'arts and entertainment', 'travel', 'food and drink'],
    terms: [
      'film', 'movie', 'cinema', 'actor', 'actress', 'filmmaker', 'Bollywood', 'Hollywood', 'box office', 'album',
      'singer', 'song', 'music', 'concert', 'festival', 'museum', 'exhibition', 'painting', 'painter', 'artist', 'art',
      'sculpture', 'heritage', 'literature', 'novel', 'novelist', 'poet', 'poetry', 'theatre', 'theater', 'dance',
      'Oscar', 'Grammy', 'Emmy', 'Cannes', 'celebrity', 'fashion', 'web series', 'premiere', 'trailer', 'biopic',
      'documentary', 'rapper', 'orchestra', 'culture', 'cultural', 'book',
    ],
    related: [
      'artwork', 'gallery', 'exhibit', 'photography', 'photographer', 'portrait', 'author', 'writer', 'memoir',
      'bestseller', 'fiction', 'publisher', 'comedian', 'comedy', 'sitcom', 'television', 'TV', 'show', 'series',
      'episode', 'Netflix', 'HBO', 'streaming', 'star', 'role', 'director', 'screenplay', 'band', 'pop', 'rock',
      'jazz', 'soul', 'gospel', 'hip-hop', 'rap', 'EP', 'tour', 'stage', 'opera', 'ballet', 'musician', 'guitarist',
      'composer', 'carnival', 'parade', 'celebration', 'tradition', 'food', 'chef', 'restaurant', 'cuisine', 'dish',
      'recipe', 'wine', 'travel', 'tourism', 'tourist', 'hotel', 'resort', 'design', 'architecture', 'architect',
      'monument', 'legend', 'icon', 'cartoon', 'animation', 'anime', 'satire', 'humor', 'humour', 'puppet', 'toy',
      'holiday', 'New Year', 'Booker', 'Pulitzer', 'Golden Globe', 'poem', 'writing', 'reader', 'storytelling',
      'pictures', 'memoirs',
    ],
  },
  technology: {
    aliases: ['technology', 'tech', 'science and technology', 'internet', 'gadgets', 'artificial intelligence', 'cybersecurity', 'telecom', 'digital'],
    terms: [
      'technology', 'tech', 'software', 'app', 'smartphone', 'iPhone', 'Google', 'Microsoft', 'artificial intelligence',
      'AI', 'chatbot', 'ChatGPT', 'OpenAI', 'semiconductor', 'chip', 'chipmaker', 'cyber', 'cyberattack',
      'cybersecurity', 'hacker', 'data breach', 'internet', 'broadband', '5G', 'telecom', 'startup', 'digital',
      'blockchain', 'cryptocurrency', 'bitcoin', 'robot', 'robotics', 'cloud computing', 'social media', 'TikTok',
      'Facebook', 'WhatsApp', 'Instagram', 'Alexa', 'outage', 'Downdetector', 'data centre', 'data center',
      'quantum computing', 'Nvidia', 'Samsung', 'Huawei', 'users', 'online',
    ],
    related: [
      'computer', 'computing', 'algorithm', 'machine learning', 'LLM', 'Meta', 'Apple', 'Amazon', 'Twitter',
      'YouTube', 'Reddit', 'Roblox', 'video game', 'gaming', 'console', 'Nintendo', 'PlayStation', 'platform',
      'privacy', 'surveillance', 'facial recognition', 'data', 'encryption', 'hack', 'hacking', 'malware',
      'ransomware', 'spyware', 'crypto', 'stablecoin', 'Silicon Valley', 'gadget', 'device', 'laptop', 'wearable',
      'drone', 'humanoid', 'engineer', 'engineering', 'coding', 'programmer', 'developer', 'website', 'xAI',
      'search engine', 'DeepSeek', 'superintelligence', 'automation', 'tech company',
    ],
  },
  'economy-business': {
    aliases: ['business', 'economy', 'markets', 'finance', 'money', 'companies', 'stocks', 'banking', 'trade', 'earnings', 'personal finance', 'economy and business', 'industry'],
    terms: [
      'economy', 'economic', 'GDP', 'inflation', 'interest rate', 'central bank', 'RBI', 'Federal Reserve', 'stock',
      'shares', 'Sensex', 'Nifty', 'stock market', 'markets', 'investor', 'profit', 'revenue', 'earnings', 'quarterly',
      'IPO', 'merger', 'acquisition', 'bank', 'banking', 'loan', 'trade deficit', 'exports', 'imports', 'tariff',
      'fiscal', 'rupee', 'currency', 'bond', 'recession', 'investment', 'IMF', 'World Bank', 'shareholder', 'CEO',
      'bankruptcy', 'insolvency', 'retail', 'sales', 'unemployment', 'jobs', 'growth', 'prices', 'firm', 'company',
    ],
    related: [
      'market', 'price', 'cost', 'trade', 'trade war', 'export', 'import', 'tax', 'taxation', 'budget', 'debt',
      'deficit', 'finance', 'financial', 'fund', 'venture capital', 'brand', 'consumer', 'spending', 'wage', 'salary',
      'labour', 'labor', 'worker', 'workforce', 'union', 'general strike', 'employment', 'layoff', 'hiring',
      'industry', 'manufacturing', 'factory', 'supply chain', 'dollar', 'euro', 'yen', 'yuan', 'stock exchange',
      'Wall Street', 'valuation', 'bankrupt', 'entrepreneur', 'executive', 'chairman', 'corporate', 'corporation',
      'advertising', 'marketing', 'retailer', 'wealth', 'billionaire', 'economist', 'slowdown', 'business',
      'businessman', 'pay', 'income', 'subsidy', 'credit', 'consumer price', 'cheap', 'expensive', 'capital', 'deal',
      'takeover', 'stake', 'sanction relief', 'goods', 'demand', 'supply', 'inflows', 'outflows', 'exporter',
      'importer', 'invoice', 'FDI', 'GST', 'VAT', 'fiscal year', 'economic growth', 'reforms',
    ],
  },
  education: {
    aliases: ['education', 'schools', 'universities', 'higher education', 'students', 'campus', 'exams', 'careers'],
    terms: [
      'education', 'school', 'student', 'teacher', 'university', 'college', 'exam', 'examination', 'board exam',
      'CBSE', 'NEET', 'JEE', 'UGC', 'NCERT', 'syllabus', 'curriculum', 'literacy', 'scholarship', 'admission',
      'campus', 'tuition', 'classroom', 'higher education', 'enrolment', 'enrollment', 'graduates', 'dropout',
      'mid-day meal', 'vice-chancellor', 'pupils', 'schooling', 'learning outcomes', 'academic', 'textbook',
    ],
    related: [
      'lesson', 'class', 'course', 'degree', 'graduate', 'professor', 'lecturer', 'faculty', 'kindergarten',
      'preschool', 'homework', 'teaching', 'learner', 'language learning', 'tuition fee', 'school board', 'pupil',
      'headteacher', 'diploma', 'PhD', 'literacy rate',
    ],
  },
  'energy-extractives': {
    aliases: ['energy', 'oil', 'oil and gas', 'gas', 'mining', 'power', 'renewables', 'renewable energy', 'commodities', 'metals', 'utilities', 'energy and extractives'],
    terms: [
      'energy', 'oil', 'crude', 'OPEC', 'petrol', 'diesel', 'fuel', 'gas', 'LNG', 'natural gas', 'pipeline',
      'refinery', 'coal', 'mining', 'mine', 'miner', 'lithium', 'copper', 'iron ore', 'nickel', 'uranium',
      'nuclear power', 'power plant', 'electricity', 'grid', 'renewable', 'solar', 'wind power', 'wind farm',
      'hydropower', 'megawatt', 'MW', 'GW', 'gigawatt', 'barrel', 'Brent', 'drilling', 'extractive', 'power cut',
      'oilfield', 'power sector',
    ],
    related: [
      'electric', 'reactor', 'nuclear energy', 'gasoline', 'silver', 'rare earth', 'critical mineral', 'battery',
      'turbine', 'hydro', 'dam', 'geothermal', 'utility', 'power grid', 'blackout', 'oil price', 'oil company',
      'gas field', 'shale', 'fracking', 'petroleum', 'mineral', 'ore', 'smelter', 'energy transition', 'clean energy',
      'emission-free',
    ],
  },
  politics: {
    aliases: ['politics', 'elections', 'election', 'world politics', 'us politics', 'diplomacy', 'international relations', 'defence', 'defense', 'conflict', 'war'],
    terms: [
      'election', 'vote', 'voter', 'polls', 'campaign', 'parliament', 'lawmaker', 'MP', 'senator', 'Senate',
      'Congress', 'BJP', 'party', 'opposition', 'prime minister', 'foreign minister', 'defence minister', 'diplomacy',
      'diplomatic', 'summit', 'sanctions', 'coalition', 'cabinet', 'Kremlin', 'White House', 'Putin', 'Biden',
      'Trump', 'Modi', 'Xi', 'NATO', 'military', 'troops', 'war', 'ceasefire', 'missile', 'invasion', 'airstrike',
      'army', 'president', 'political', 'bilateral', 'envoy', 'talks', 'referendum',
    ],
    related: [
      'government', 'minister', 'ministry', 'policy', 'presidential', 'premier', 'chancellor', 'leader',
      'administration', 'democracy', 'democratic', 'authoritarian', 'regime', 'dictator', 'coup', 'protest',
      'demonstration', 'nationalist', 'populist', 'conservative', 'liberal', 'left-wing', 'right-wing',
      'ruling party', 'Democrat', 'Republican', 'legislature', 'legislator', 'congressman', 'congresswoman',
      'governor', 'State Department', 'foreign policy', 'alliance', 'treaty', 'peace', 'peace deal', 'negotiation',
      'ambassador', 'embassy', 'geopolitic', 'soldier', 'defence', 'defense', 'weapon', 'nuclear weapon', 'border',
      'conflict', 'militant', 'insurgent', 'rebel', 'Hamas', 'Hezbollah', 'Taliban', 'sovereignty', 'annexation',
      'occupation', 'intelligence', 'spy', 'espionage', 'midterm', 'ballot', 'candidate', 'statesman', 'politician',
      'monarchy', 'parliamentary', 'geopolitics', 'G7', 'G20',
    ],
  },
  'law-governance': {
    aliases: ['law', 'legal', 'courts', 'crime', 'justice', 'governance', 'judiciary', 'law and order', 'law and governance'],
    terms: [
      'court', 'Supreme Court', 'High Court', 'judge', 'lawsuit', 'verdict', 'ruling', 'trial', 'sentenced',
      'convicted', 'prison', 'jail', 'arrested', 'police', 'crime', 'murder', 'fraud', 'corruption', 'bribery',
      'probe', 'investigation', 'CBI', 'FBI', 'prosecutor', 'lawyer', 'petition', 'bail', 'law', 'regulator',
      'governance', 'attorney general', 'justice', 'indicted', 'charges', 'accused', 'extradition', 'constitution',
      'constitutional', 'judiciary', 'legal', 'sued', 'plea', 'bench',
    ],
    related: [
      'officer', 'detective', 'shooting', 'gunman', 'shooter', 'killing', 'stabbing', 'suspect', 'victim', 'homicide',
      'robbery', 'theft', 'scam', 'smuggling', 'gang', 'mafia', 'cartel', 'drug trafficking', 'kidnapping',
      'abduction', 'disappearance', 'custody', 'detention', 'detained', 'deported', 'deportation',
      'immigration enforcement', 'ICE', 'prosecution', 'indictment', 'charged', 'guilty', 'acquitted', 'appeal',
      'sue', 'settlement', 'attorney', 'jury', 'courtroom', 'hearing', 'testimony', 'legislation', 'regulation',
      'regulatory', 'ban', 'fine', 'penalty', 'investigator', 'execution', 'death penalty', 'sentence', 'inmate',
      'prisoner', 'pardon', 'explosion', 'fire', 'firefighter', 'gun', 'firearm', 'bribe', 'misconduct', 'scandal',
      'resignation', 'rule of law', 'lawsuits', 'crackdown', 'enforcement', 'surveillance law', 'transparency',
      'right to information', 'audit', 'ombudsman', 'suing', 'court filing', 'lawyers',
    ],
  },
  health: {
    aliases: ['health', 'healthcare', 'health care', 'medicine', 'medical', 'covid', 'coronavirus', 'wellness', 'public health', 'pharmaceuticals'],
    terms: [
      'health', 'hospital', 'doctor', 'nurse', 'patient', 'disease', 'vaccine', 'vaccination', 'immunisation',
      'immunization', 'virus', 'COVID', 'coronavirus', 'pandemic', 'outbreak', 'epidemic', 'malaria', 'tuberculosis',
      'TB', 'HIV', 'AIDS', 'cancer', 'diabetes', 'WHO', 'medicine', 'drugmaker', 'pharmaceutical', 'FDA',
      'clinical trial', 'dengue', 'measles', 'polio', 'mpox', 'Ebola', 'mental health', 'obesity', 'surgery',
      'infection', 'public health', 'maternal', 'nutrition', 'treatment', 'drug', 'medical', 'deaths',
    ],
    related: [
      'healthcare', 'physician', 'clinic', 'diagnosis', 'diagnose', 'symptom', 'syndrome', 'disorder', 'autism',
      'dementia', 'Alzheimer', 'stroke', 'heart', 'transplant', 'organ', 'blood', 'therapy', 'therapist', 'mental',
      'depression', 'anxiety', 'suicide', 'sleep', 'diet', 'exercise', 'fitness', 'wellbeing', 'wellness',
      'antibiotic', 'pathogen', 'epidemiologist', 'CDC', 'NHS', 'pharma', 'pharmacy', 'prescription', 'opioid',
      'overdose', 'addiction', 'smoking', 'tobacco', 'cigarette', 'alcohol', 'life expectancy', 'flu', 'influenza',
      'bird flu', 'medical care', 'healthy', 'illness', 'sick', 'disease outbreak',
    ],
  },
  'science-environment': {
    aliases: ['science', 'environment', 'climate', 'climate change', 'nature', 'wildlife', 'space', 'weather', 'science and environment', 'energy and environment'],
    terms: [
      'climate', 'climate change', 'global warming', 'emissions', 'carbon', 'greenhouse', 'environment',
      'environmental', 'pollution', 'air quality', 'biodiversity', 'wildlife', 'species', 'endangered',
      'conservation', 'ocean', 'glacier', 'heatwave', 'flood', 'cyclone', 'hurricane', 'earthquake', 'wildfire',
      'drought', 'scientist', 'researcher', 'space', 'NASA', 'ISRO', 'astronomer', 'telescope', 'planet', 'Moon',
      'Mars', 'rocket', 'satellite', 'net zero', 'COP', 'UNEP', 'IPCC', 'plastic', 'sea level', 'El Nino', 'study',
      'fossil', 'tiger', 'elephant',
    ],
    related: [
      'science', 'scientific', 'research', 'physicist', 'physics', 'biology', 'biologist', 'chemistry', 'astronomy',
      'astronaut', 'asteroid', 'comet', 'galaxy', 'universe', 'discovery', 'dinosaur', 'archaeologist', 'archaeology',
      'ancient', 'Neanderthal', 'paleontologist', 'paleoanthropologist', 'evolution', 'genome', 'DNA', 'gene',
      'microbe', 'bacterium', 'bacteria', 'experiment', 'laboratory', 'lab', 'animal', 'bird', 'whale', 'shark',
      'insect', 'plant', 'tree', 'nature', 'ecosystem', 'extinction', 'habitat', 'national park', 'weather', 'storm',
      'snow', 'avalanche', 'rain', 'rainfall', 'temperature', 'heat', 'volcano', 'tsunami', 'landslide',
      'natural disaster', 'Arctic', 'Antarctic', 'polar', 'oceanographic', 'marine', 'climate policy',
      'carbon dioxide', 'methane', 'sustainability', 'green', 'eclipse', 'solar system', 'spacecraft', 'predator',
    ],
  },
  'social-gender': {
    aliases: ['society', 'social', 'gender', 'women', 'lgbt', 'lgbtq', 'human rights', 'migration', 'refugees', 'social issues', 'social and gender', 'diversity'],
    terms: [
      'women', 'gender', 'girls', 'gender equality', 'feminist', 'violence against women', 'domestic violence',
      'dowry', 'LGBT', 'LGBTQ', 'transgender', 'same-sex', 'human rights', 'refugee', 'migrant', 'migration',
      'poverty', 'inequality', 'child labour', 'child marriage', 'trafficking', 'disability', 'disabled', 'caste',
      'Dalit', 'tribal', 'indigenous', 'minority', 'minorities', 'welfare', 'homeless', 'civil society', 'NGO',
      'charity', 'UN Women', 'UNICEF', 'sexual harassment', 'elderly', 'discrimination', 'humanitarian',
      'children', 'marginalised', 'displaced',
    ],
    related: [
      'society', 'community', 'family', 'families', 'mother', 'father', 'parent', 'child', 'youth', 'young people',
      'generation', 'teenager', 'adoption', 'foster care', 'orphan', 'identity', 'race', 'racism', 'racial',
      'civil rights', 'equality', 'feminism', 'sexism', 'misogyny', 'abortion', 'reproductive', 'sexual', 'queer',
      'gay', 'lesbian', 'pride', 'dating', 'marriage', 'divorce', 'loneliness', 'religion', 'religious', 'church',
      'mosque', 'faith', 'Muslim', 'Hindu', 'Christian', 'Buddhist', 'monk', 'asylum', 'asylum seeker', 'immigrant',
      'diaspora', 'volunteer', 'philanthropy', 'pension', 'retirement', 'ageing', 'aging', 'senior', 'old age',
      'slavery', 'persecution', 'persecuted', 'social worker', 'segregation', 'apartheid', 'Black', 'activist',
      'activism',
    ],
  },
  sports: {
    aliases: ['sport', 'sports', 'football', 'soccer', 'cricket', 'tennis', 'olympics', 'athletics', 'rugby', 'basketball', 'golf', 'formula one', 'f1', 'motorsport', 'hockey', 'baseball', 'nfl', 'nba', 'boxing', 'cycling', 'chess', 'badminton'],
    terms: [
      'match', 'tournament', 'championship', 'cup', 'World Cup', 'cricket', 'football', 'soccer', 'tennis', 'hockey',
      'Olympics', 'Olympic', 'medal', 'athlete', 'player', 'coach', 'captain', 'team', 'league', 'IPL', 'BCCI',
      'FIFA', 'ICC', 'UEFA', 'NBA', 'NFL', 'Grand Slam', 'Wimbledon', 'goal', 'wicket', 'innings', 'batter',
      'bowler', 'striker', 'Premier League', 'Formula One', 'F1', 'Grand Prix', 'stadium', 'semifinal', 'semi-final',
      'golf', 'rugby', 'boxing', 'chess', 'badminton', 'wrestling', 'marathon', 'season', 'title', 'scored',
      'quarterfinal', 'quarter-final', 'final',
    ],
    related: [
      'game', 'champion', 'Olympian', 'Winter Olympics', 'skating', 'figure skating', 'skier', 'skiing', 'slalom',
      'bobsled', 'curling', 'snowboard', 'ice hockey', 'NHL', 'MLB', 'baseball', 'basketball', 'volleyball',
      'cycling', 'Tour de France', 'swimming', 'swimmer', 'gymnastics', 'sprint', 'sprinter', 'racing', 'Super Bowl',
      'quarterback', 'pitcher', 'midfielder', 'defender', 'goalkeeper', 'referee', 'club', 'fixture', 'squad', 'sumo',
      'martial arts', 'judo', 'karate', 'athletics', 'sportsman', 'sportswoman', 'fan', 'Olympic Games', 'mascot',
      'rink', 'pitch', 'tennis player', 'footballer', 'cricketer', 'golfer', 'podium', 'gold medal',
    ],
  },
  transport: {
    aliases: ['transport', 'transportation', 'aviation', 'autos', 'automotive', 'shipping', 'railways', 'airlines', 'mobility', 'logistics'],
    terms: [
      'transport', 'airline', 'aviation', 'flight', 'airport', 'aircraft', 'plane', 'Boeing', 'Airbus', 'railway',
      'rail', 'train', 'metro', 'bus', 'road', 'highway', 'traffic', 'automaker', 'carmaker',
      'electric vehicle', 'EV', 'shipping', 'vessel', 'freight', 'cargo', 'logistics', 'derailed',
      'derailment', 'derails', 'DGCA', 'FAA', 'truck', 'driver', 'pilot', 'passenger', 'commuters', 'car', 'cars',
      'vehicle', 'expressway', 'port', 'ferry', 'locomotive',
    ],
    related: [
      'jet', 'helicopter', 'runway', 'seaport', 'ship', 'cruise', 'motorist', 'motorway', 'bridge', 'tunnel',
      'congestion', 'commute', 'taxi', 'robotaxi', 'autonomous vehicle', 'self-driving', 'Tesla', 'BYD',
      'auto industry', 'automotive', 'motor', 'SUV', 'van', 'railroad', 'high-speed rail', 'subway', 'tram', 'crash',
      'collision', 'air travel', 'airfare', 'route', 'fleet', 'EV maker', 'electric car', 'Waymo',
    ],
  },
  'urban-development': {
    aliases: ['urban', 'cities', 'housing', 'real estate', 'property', 'infrastructure', 'urban development', 'smart cities', 'construction'],
    terms: [
      'urban', 'cities', 'smart city', 'housing', 'affordable housing', 'real estate', 'property', 'infrastructure',
      'municipal', 'municipality', 'municipal corporation', 'mayor', 'slum', 'construction', 'builder',
      'urban planning', 'town planning', 'zoning', 'skyscraper', 'solid waste', 'waste management', 'garbage',
      'landfill', 'urbanisation', 'urbanization', 'building collapse', 'rent', 'tenant', 'UN-Habitat', 'homes',
      'apartments', 'civic', 'city council', 'flyover', 'redevelopment', 'township',
    ],
    related: [
      'city', 'megacity', 'neighbourhood', 'neighborhood', 'downtown', 'suburb', 'homeowner', 'landlord', 'eviction',
      'mortgage', 'building', 'public space', 'street', 'local government', 'city hall', 'municipal council',
      'gentrification', 'sprawl', 'flat', 'high-rise', 'property market', 'house price', 'civic body', 'city centre',
      'pothole',
    ],
  },
  wash: {
    aliases: ['wash', 'water', 'sanitation', 'hygiene', 'water and sanitation', 'water sanitation and hygiene'],
    terms: [
      'WASH', 'sanitation', 'drinking water', 'clean water', 'safe water', 'water supply', 'water crisis',
      'water shortage', 'hygiene', 'toilet', 'open defecation', 'sewage', 'sewer', 'wastewater', 'handwashing',
      'hand washing', 'latrine', 'Swachh Bharat', 'Jal Jeevan', 'cholera', 'diarrhoea', 'diarrhea', 'waterborne',
      'water-borne', 'groundwater', 'water scarcity', 'tap water', 'piped water', 'borewell', 'menstrual hygiene',
      'faecal', 'fecal', 'water treatment', 'desalination', 'water', 'tap connections',
    ],
    related: [
      'water company', 'water bill', 'river pollution', 'river health', 'sewage spill', 'drinking-water',
      'clean drinking water', 'water utility', 'water infrastructure', 'flush', 'hygiene kit', 'water tanker',
      'water pipeline',
    ],
  },
};
