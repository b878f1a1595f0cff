// Hand-written vocabulary for the demo sectors (src/config/site-defaults.ts), keyed by
// sector slug. `aliases` match feed categories ("Football" -> sports); `terms` seed the
// text model (sector-model.ts): each counts as if editors had filed it under the sector 8
// times, so a site with no labels yet still files stories, and labels can outvote a poor
// term. Terms written in capitals (WHO, IMF) only match capitals, so "who" and "imf" in
// running text do not count; a phrase counts as its word pairs, not its single words.

export interface SectorVocabulary {
  readonly aliases: readonly string[];
  readonly terms: readonly string[];
}

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
  },
  'art-culture': {
    aliases: ['arts', 'culture', 'entertainment', 'music', 'film', 'films', 'movies', 'cinema', 'books', 'lifestyle', 'celebrity', 'television', 'theatre', 'arts and entertainment'],
    terms: [
      'film', 'movie', 'cinema', 'actor', 'actress', 'filmmaker', 'Bollywood', 'Hollywood', 'box office', 'album',
      'singer', 'song', 'music', 'concert', 'festival', 'museum', 'exhibition', 'painting', 'painter', 'artist', 'art',
      'sculpture', 'heritage', 'literature', 'novel', 'novelist', 'poet', 'poetry', 'theatre', 'theater', 'dance',
      'Oscar', 'Grammy', 'Emmy', 'Cannes', 'celebrity', 'fashion', 'web series', 'premiere', 'trailer', 'biopic',
      'documentary', 'rapper', 'orchestra', 'culture', 'cultural', 'book',
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
  },
  education: {
    aliases: ['education', 'schools', 'universities', 'higher education', 'students', 'campus', 'exams', 'careers'],
    terms: [
      'education', 'school', 'student', 'teacher', 'university', 'college', 'exam', 'examination', 'board exam',
      'CBSE', 'NEET', 'JEE', 'UGC', 'NCERT', 'syllabus', 'curriculum', 'literacy', 'scholarship', 'admission',
      'campus', 'tuition', 'classroom', 'higher education', 'enrolment', 'enrollment', 'graduates', 'dropout',
      'mid-day meal', 'vice-chancellor', 'pupils', 'schooling', 'learning outcomes', 'academic', 'textbook',
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
  },
  'social-gender': {
    aliases: ['society', 'social', 'gender', 'women', 'lgbt', 'lgbtq', 'human rights', 'migration', 'refugees', 'social issues', 'social and gender', 'diversity'],
    terms: [
      'women', 'gender', 'girls', 'gender equality', 'feminist', 'violence against women', 'domestic violence',
      'dowry', 'LGBT', 'LGBTQ', 'transgender', 'same-sex', 'human rights', 'refugee', 'migrant', 'migration',
      'poverty', 'inequality', 'child labour', 'child marriage', 'trafficking', 'disability', 'disabled', 'caste',
      'Dalit', 'tribal', 'indigenous', 'minority', 'minorities', 'welfare', 'homeless', 'civil society', 'NGO',
      'charity', 'UN Women', 'UNICEF', 'sexual harassment', 'rights', 'elderly', 'discrimination', 'humanitarian',
      'children', 'marginalised', 'displaced',
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
  },
  transport: {
    aliases: ['transport', 'transportation', 'aviation', 'autos', 'automotive', 'shipping', 'railways', 'airlines', 'travel', 'mobility', 'logistics'],
    terms: [
      'transport', 'airline', 'aviation', 'flight', 'airport', 'aircraft', 'plane', 'Boeing', 'Airbus', 'railway',
      'rail', 'train', 'metro', 'bus', 'road', 'highway', 'traffic', 'automaker', 'carmaker',
      'electric vehicle', 'EV', 'shipping', 'vessel', 'freight', 'cargo', 'logistics', 'derailed',
      'derailment', 'derails', 'DGCA', 'FAA', 'truck', 'driver', 'pilot', 'passenger', 'commuters', 'car', 'cars',
      'vehicle', 'expressway', 'port', 'ferry', 'locomotive',
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
  },
};
