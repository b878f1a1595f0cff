// Headlines and leads written for this test in the style of the wires the demo site
// carries (PTI, Reuters, IANS, AFP, UN News), with the sector an editor would choose.
// Not copied from any feed. No categories: these exercise the keyword score alone.

export interface LabelledStory {
  readonly sector: string;
  readonly headline: string;
  readonly summary: string;
}

export const LABELLED_STORIES: readonly LabelledStory[] = [
  // agro-forestry
  { sector: 'agro-forestry', headline: 'Govt hikes MSP for kharif crops ahead of sowing season', summary: 'The government on Wednesday raised the minimum support price for paddy by Rs 143 per quintal, a move aimed at boosting farmers\' income ahead of the monsoon sowing season.' },
  { sector: 'agro-forestry', headline: 'Brazil deforestation in the Amazon falls to five-year low', summary: 'Deforestation in Brazil\'s Amazon rainforest fell 22% in the 12 months through July, data from the national space research agency showed, as enforcement against illegal logging stepped up.' },
  { sector: 'agro-forestry', headline: 'Locust swarms threaten wheat harvest in Pakistan\'s Punjab', summary: 'Farmers in Punjab province are battling swarms of desert locusts that have destroyed standing crops across thousands of acres, officials said, as the FAO warned of further outbreaks.' },
  // art-culture
  { sector: 'art-culture', headline: 'RRR song \'Naatu Naatu\' wins Oscar for best original song', summary: 'The high-energy dance number from S S Rajamouli\'s film RRR won the Academy Award for best original song on Sunday, a first for an Indian production.' },
  { sector: 'art-culture', headline: 'Louvre to return looted artefacts to Benin after exhibition', summary: 'The Paris museum said on Thursday it would send 26 royal treasures back to Benin once a touring exhibition ends, the latest step in France\'s restitution of colonial-era heritage.' },
  { sector: 'art-culture', headline: 'Taylor Swift concert film breaks box office records', summary: 'Taylor Swift\'s Eras Tour concert movie took in $96 million in its opening weekend in North America, the biggest debut ever for a concert film, distributors said.' },
  // technology
  { sector: 'technology', headline: 'Amazon\'s Alexa down for thousands of users - Downdetector', summary: 'Amazon.com Inc\'s voice assistant Alexa was down for thousands of users on Monday, according to outage tracking website Downdetector.com.' },
  { sector: 'technology', headline: 'OpenAI unveils new model as AI chatbot race heats up', summary: 'OpenAI on Tuesday released a faster version of the artificial intelligence model behind ChatGPT, as rivals Google and Anthropic push their own chatbots to businesses and consumers.' },
  { sector: 'technology', headline: 'Hackers breach telecom firm, exposing data of 10 million customers', summary: 'A cyberattack on a major telecom operator exposed the personal data of nearly 10 million customers, the company said, in one of the largest data breaches in the country.' },
  // economy-business
  { sector: 'economy-business', headline: 'RBI keeps repo rate unchanged at 6.5%, retains inflation forecast', summary: 'The Reserve Bank of India on Friday kept its key interest rate unchanged for a fourth straight meeting, saying inflation remained above its target even as growth held up.' },
  { sector: 'economy-business', headline: 'Sensex, Nifty close higher on banking gains', summary: 'Equity benchmarks Sensex and Nifty ended higher on Tuesday, led by gains in banking and IT shares as foreign investors turned net buyers.' },
  { sector: 'economy-business', headline: 'China\'s exports slump as global demand weakens', summary: 'China\'s exports fell 14.5% in July from a year earlier, the steepest drop since the pandemic, customs data showed, adding pressure on Beijing to support the economy.' },
  // education
  { sector: 'education', headline: 'CBSE Class 10 results declared, pass percentage dips', summary: 'The Central Board of Secondary Education declared the Class 10 board exam results on Friday, with 93.1 per cent of students passing, slightly lower than last year.' },
  { sector: 'education', headline: 'UNESCO says 250 million children out of school worldwide', summary: 'The number of children out of school has risen to 250 million, the UN\'s education agency said, warning that most countries will miss their 2030 schooling targets.' },
  { sector: 'education', headline: 'Universities brace for fall in foreign student enrolment', summary: 'British universities expect international enrolment to fall sharply after the government barred most postgraduate students from bringing family members, vice-chancellors said.' },
  // energy-extractives
  { sector: 'energy-extractives', headline: 'Oil prices climb as OPEC+ extends output cuts', summary: 'Brent crude futures rose 1.2% to $86.40 a barrel on Monday after Saudi Arabia and Russia said they would extend voluntary supply cuts through the end of the year.' },
  { sector: 'energy-extractives', headline: 'Coal India output rises 12% as power demand surges', summary: 'State-run Coal India\'s production rose 12% in September from a year ago, as electricity demand in the country hit record highs during a prolonged dry spell.' },
  { sector: 'energy-extractives', headline: 'Chile to nationalise lithium industry, president says', summary: 'Chile will hand control of its vast lithium deposits to a state company, President Gabriel Boric said, in a move that could reshape mining of the battery metal.' },
  // politics
  { sector: 'politics', headline: 'Putin meets with China\'s defence minister in Moscow', summary: 'Russian President Vladimir Putin met with China\'s defence minister on Sunday, underscoring Beijing\'s strengthening engagement with Moscow, with which it has largely aligned its foreign policy.' },
  { sector: 'politics', headline: 'Trump campaign reports raising $14.5 million in early 2023', summary: 'Former US President Donald Trump\'s campaign raised $14.5 million in the first quarter of the year, his campaign said, as he seeks the Republican nomination for the 2024 election.' },
  { sector: 'politics', headline: 'Opposition parties walk out of Parliament over Manipur', summary: 'Opposition MPs staged a walkout from the Lok Sabha on Monday demanding a statement from Prime Minister Narendra Modi on the ethnic violence in Manipur.' },
  // law-governance
  { sector: 'law-governance', headline: 'Supreme Court refuses bail to former minister in money laundering case', summary: 'The Supreme Court on Tuesday rejected the bail plea of a former Delhi minister arrested in a money laundering case, saying the investigation was at a crucial stage.' },
  { sector: 'law-governance', headline: 'Former FTX chief convicted of fraud by New York jury', summary: 'A federal jury in Manhattan found Sam Bankman-Fried guilty of all seven counts of fraud and conspiracy after a month-long trial, prosecutors said.' },
  { sector: 'law-governance', headline: 'Police arrest 12 in crackdown on cyber fraud gang', summary: 'Police arrested 12 people accused of cheating hundreds of victims through fake investment schemes, officials said, and seized cash and mobile phones.' },
  // health
  { sector: 'health', headline: 'WHO recommends second malaria vaccine for children', summary: 'The World Health Organization on Monday recommended a second malaria vaccine, R21/Matrix-M, for use in children in regions where the disease is a major public health risk.' },
  { sector: 'health', headline: 'Dengue cases rise sharply in Bangladesh, hospitals overwhelmed', summary: 'Bangladesh recorded its deadliest dengue outbreak this year, with hospitals in Dhaka struggling to cope with thousands of new patients every day, health officials said.' },
  { sector: 'health', headline: 'Nipah virus: Kerala steps up surveillance after two deaths', summary: 'Kerala health authorities declared containment zones and began testing contacts after two people died of Nipah virus infection in Kozhikode district.' },
  // science-environment
  { sector: 'science-environment', headline: 'July confirmed as hottest month on record, EU scientists say', summary: 'Last month was the world\'s hottest July on record, the EU\'s Copernicus Climate Change Service said, as heatwaves and wildfires swept across three continents.' },
  { sector: 'science-environment', headline: 'Chandrayaan-3 lands near Moon\'s south pole', summary: 'India\'s Chandrayaan-3 spacecraft landed near the lunar south pole on Wednesday, making India the first country to reach the region, the ISRO said.' },
  { sector: 'science-environment', headline: 'Delhi air quality turns severe as pollution levels spike', summary: 'A thick layer of smog engulfed the capital on Thursday as the air quality index crossed 450, prompting authorities to ban construction and shut primary schools.' },
  // social-gender
  { sector: 'social-gender', headline: 'UN Women report warns gender equality is 300 years away', summary: 'At the current pace the world will need nearly 300 years to achieve gender equality, UN Women said, pointing to rising violence against women and a widening pay gap.' },
  { sector: 'social-gender', headline: 'Rohingya refugees face cuts in food rations as funding dries up', summary: 'Nearly one million Rohingya refugees in Bangladesh\'s camps will see food rations cut again next month, the World Food Programme said, warning of rising malnutrition among children.' },
  { sector: 'social-gender', headline: 'Court allows same-sex couples to adopt in landmark ruling', summary: 'LGBTQ activists hailed the decision as a victory for equal rights, saying it ended years of discrimination against same-sex families.' },
  // sports
  { sector: 'sports', headline: 'Kohli hits century as India beat Australia in World Cup opener', summary: 'Virat Kohli scored an unbeaten 103 as India chased down 200 with six wickets to spare against Australia in Chennai on Sunday.' },
  { sector: 'sports', headline: 'Alcaraz beats Djokovic in five-set thriller to win Wimbledon', summary: 'Carlos Alcaraz ended Novak Djokovic\'s reign at the All England Club on Sunday, winning the Wimbledon final 1-6 7-6 6-1 3-6 6-4.' },
  { sector: 'sports', headline: 'Manchester City clinch Premier League title for third straight season', summary: 'Manchester City were crowned Premier League champions on Saturday after Arsenal lost at Nottingham Forest, giving Pep Guardiola\'s side a third successive league title.' },
  // transport
  { sector: 'transport', headline: 'Freight train derails in Maine, three employees hurt', summary: 'A freight train carrying lumber derailed and caught fire in rural Maine on Saturday, injuring three crew members, the railway company said.' },
  { sector: 'transport', headline: 'Air India places record order for 470 Boeing and Airbus jets', summary: 'Air India signed deals to buy 470 aircraft from Airbus and Boeing, the largest order ever by an airline, as it seeks to expand its fleet and international flights.' },
  { sector: 'transport', headline: 'Delhi Metro extends services to new airport line', summary: 'The Delhi Metro on Monday opened a new section of the Airport Express line, cutting travel time for passengers between the city centre and the terminal to 20 minutes.' },
  // urban-development
  { sector: 'urban-development', headline: 'Mumbai slum redevelopment project gets cabinet nod', summary: 'The state cabinet approved the redevelopment of Dharavi, one of Asia\'s largest slums, with plans for affordable housing for nearly one million residents.' },
  { sector: 'urban-development', headline: 'Smart Cities Mission deadline extended to 2024', summary: 'The housing and urban affairs ministry extended the deadline for the Smart Cities Mission by a year, saying 20% of infrastructure projects in the 100 cities were still incomplete.' },
  { sector: 'urban-development', headline: 'Home prices in top cities rise 8% as demand stays strong', summary: 'Residential property prices across eight major cities rose 8% in the July-September quarter, a real estate consultancy said, as demand for apartments stayed firm despite higher rates.' },
  // wash
  { sector: 'wash', headline: 'Half of rural homes now have tap water under Jal Jeevan Mission', summary: 'More than half of India\'s rural households now have piped drinking water connections, the Jal Shakti ministry said, up from 17% when the mission began in 2019.' },
  { sector: 'wash', headline: 'Cholera outbreak spreads in Malawi amid sanitation crisis', summary: 'A cholera outbreak in Malawi has killed more than 1,000 people, with health workers blaming poor sanitation and lack of clean water in crowded settlements.' },
  { sector: 'wash', headline: 'UN: 2 billion people still lack safe drinking water', summary: 'Some 2 billion people worldwide still do not have access to safely managed drinking water and 3.6 billion lack safe sanitation, a joint UNICEF and WHO report said.' },
];
