// The demo's words: written for this project. People appear by initials only. Every private
// field carries a recognisable CANARY marker so tests can prove none of it reaches a public page.
import type { DonationMethod, MissionStage } from "../lib/generated/prisma/enums";

/** The seed's own marker: when this campaign exists, the demo has been seeded already. */
export const DEMO_MARKER_SLUG = "seven-waiting-for-safe-passage";

type DemoUpdate = { stage: MissionStage; publicNote: string; privateNote: string; daysFromNow: number };
type DemoDonation = {
  amount: number;
  daysAgo: number;
  displayName?: string;
  anonymous?: boolean;
  message?: string;
  messageHidden?: boolean;
  donorEmail: string;
  donorName: string;
  method?: DonationMethod;
};
type DemoBeneficiary = {
  publicLabel: string;
  privateName: string;
  privateLocation: string;
  privateContact: string;
  privateNotes: string;
};

export type DemoCampaign = {
  slug: string;
  title: string;
  summary: string;
  story: string;
  goalAmount: number;
  currency: string;
  deadlineDays: number | null;
  status: "published" | "closed";
  stage: MissionStage;
  peopleCount: number;
  publishedDaysAgo: number;
  beneficiaries: DemoBeneficiary[];
  updates: DemoUpdate[];
  donations: DemoDonation[];
};

const beneficiary = (label: string, tag: string): DemoBeneficiary => ({
  publicLabel: label,
  privateName: `CANARY-PRIVNAME-7f3a-${tag}`,
  privateLocation: `CANARY-LOCATION-91bd-${tag}`,
  privateContact: `CANARY-CONTACT-c02e-${tag}`,
  privateNotes: `CANARY-NOTES-5d61-${tag}`,
});

const donor = (tag: string) => ({
  donorEmail: `canary-email-${tag}@donor.invalid`,
  donorName: `CANARY-DONORNAME-${tag}`,
});

export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    slug: DEMO_MARKER_SLUG,
    title: "Seven people waiting for safe passage",
    summary:
      "Three families and one woman are hiding abroad. The route is ready; the money to travel it is not.",
    story: `Seven people are waiting in a rented room far from home: three families and a woman travelling alone.
They left months ago and have been moving only when it was safe to move.

## What the money pays for

- safe houses along the way, one night at a time
- transport with people we have worked with for years
- food, medicine and winter clothing for the children
- the fees and documents needed at the final border

## Why now

Our partners can take the group south in the next few weeks. After that the season turns and the
route becomes far more dangerous. **Every gift brings the day they can leave closer.**

We will post each step here once it is safe to say so, never before.`,
    goalAmount: 4_200_000,
    currency: "JPY",
    deadlineDays: 21,
    status: "published",
    stage: "awaiting_funds",
    peopleCount: 7,
    publishedDaysAgo: 12,
    beneficiaries: [
      beneficiary("A mother, a father and two young children", "fam1"),
      beneficiary("A grandmother travelling with her grandson", "fam2"),
      beneficiary("A young couple", "fam3"),
      beneficiary("A woman travelling alone", "solo"),
    ],
    updates: [
      {
        stage: "awaiting_funds",
        publicNote: "We have opened this appeal. The group is safe for now and our partners are ready.",
        privateNote: "CANARY-PRIVNOTE-a1c4 first contact details and meeting point",
        daysFromNow: -12,
      },
    ],
    donations: [
      {
        amount: 500_000,
        daysAgo: 10,
        displayName: "M. S.",
        message: "For the children. Stay strong.",
        ...donor("a1"),
      },
      {
        amount: 300_000,
        daysAgo: 8,
        anonymous: true,
        displayName: "CANARY-ANONDISPLAY-3e9b",
        message: "Praying you reach safety soon.",
        ...donor("a2"),
      },
      {
        amount: 650_000,
        daysAgo: 5,
        displayName: "Our reading circle",
        message: "CANARY-HIDDENMSG-8d2f please pass this on",
        messageHidden: true,
        ...donor("a3"),
      },
      {
        amount: 200_000,
        daysAgo: 2,
        displayName: "Y. T.",
        message: "A small part of the road.",
        method: "bank_transfer",
        ...donor("a4"),
      },
    ],
  },
  {
    slug: "a-family-reunited-in-safety",
    title: "A family reunited in safety",
    summary:
      "Five people crossed two borders this autumn. The mission is complete; this is how your gifts were used.",
    story: `This appeal helped a family of five who had been separated for almost two years.

Thanks to our donors, the mission was fully funded in under a month. The journey took eleven weeks.
The final part of the story is published once the family has settled and it is safe to tell.`,
    goalAmount: 2_800_000,
    currency: "JPY",
    deadlineDays: -40,
    status: "closed",
    stage: "completed",
    peopleCount: 5,
    publishedDaysAgo: 120,
    beneficiaries: [
      beneficiary("A father and his daughter", "reun1"),
      beneficiary("A mother and two sons", "reun2"),
    ],
    updates: [
      {
        stage: "awaiting_funds",
        publicNote: "Appeal opened.",
        privateNote: "CANARY-PRIVNOTE-b201 intake interview notes",
        daysFromNow: -120,
      },
      {
        stage: "funded",
        publicNote: "Fully funded. Thank you: the family will be told tonight.",
        privateNote: "CANARY-PRIVNOTE-b202 transfer to partner",
        daysFromNow: -92,
      },
      {
        stage: "in_progress",
        publicNote: "The journey has begun. We will not share details until everyone is safe.",
        privateNote: "CANARY-PRIVNOTE-b203 route and timings",
        daysFromNow: -80,
      },
      {
        stage: "in_progress",
        publicNote: "The first border is behind them. Everyone is well.",
        privateNote: "CANARY-PRIVNOTE-b204 border crossing point",
        daysFromNow: -50,
      },
      {
        stage: "completed",
        publicNote: "All five are safe and together in a third country.",
        privateNote: "CANARY-PRIVNOTE-b205 arrival city and case number",
        daysFromNow: 1,
      },
    ],
    donations: [
      {
        amount: 1_500_000,
        daysAgo: 110,
        displayName: "K. H.",
        message: "May they be together again soon.",
        ...donor("b1"),
      },
      { amount: 1_300_000, daysAgo: 95, anonymous: true, message: "With love.", ...donor("b2") },
    ],
  },
  {
    slug: "first-year-after-resettlement",
    title: "The first year after resettlement",
    summary: "Language classes, rent deposits and school supplies for families who have reached safety.",
    story: `Arriving is not the end of the journey. The first year decides a great deal: whether the
children settle at school, whether the parents find work, whether anyone feels at home.

This campaign funds:

1. language classes for adults, evenings and weekends
2. rent deposits, so families are not turned away
3. school uniforms, books and bags

| Item | Cost per family |
| --- | --- |
| Language course (6 months) | $600 |
| Rent deposit | $1,200 |
| School supplies | $250 |`,
    goalAmount: 1_500_000,
    currency: "USD",
    deadlineDays: 90,
    status: "published",
    stage: "in_progress",
    peopleCount: 18,
    publishedDaysAgo: 30,
    beneficiaries: [beneficiary("Four families resettled this year", "res1")],
    updates: [
      {
        stage: "funded",
        publicNote: "The first deposits are covered: two families have signed leases.",
        privateNote: "CANARY-PRIVNOTE-c301 landlord contacts",
        daysFromNow: -20,
      },
      {
        stage: "in_progress",
        publicNote: "Language classes started this week with eleven adults.",
        privateNote: "CANARY-PRIVNOTE-c302 class venue and roster",
        daysFromNow: -6,
      },
    ],
    donations: [
      {
        amount: 600_000,
        daysAgo: 25,
        displayName: "A local congregation",
        message: "Welcome to your new home.",
        ...donor("c1"),
      },
      {
        amount: 250_000,
        daysAgo: 14,
        displayName: "R. and L. B.",
        message: "For the school bags.",
        ...donor("c2"),
      },
      { amount: 120_000, daysAgo: 9, displayName: "A. N.", ...donor("c3") },
    ],
  },
];

export const DEMO_CATEGORIES = [
  { slug: "defectors", name: "Defectors", description: "Testimonies and stories of people who escaped." },
  {
    slug: "rescue-reports",
    name: "Rescue reports",
    description: "How missions went, told once it is safe to tell.",
  },
  { slug: "resettlement", name: "Resettlement", description: "Life after arrival: homes, schools, work." },
  { slug: "human-rights", name: "Human rights", description: "Reports, inquiries and our advocacy." },
  { slug: "events", name: "Events", description: "Meetings, talks and evenings with supporters." },
];

export const DEMO_SERIES = {
  slug: "the-long-road-south",
  title: "The long road south",
  description:
    "A three-part account of an escape route through Southeast Asia, with the details that could endanger anyone removed.",
};

export type DemoPost = {
  slug: string;
  title: string;
  excerpt: string;
  body: string;
  category: string;
  /** Days since publication; negative means scheduled for the future; null is a draft. */
  publishedDaysAgo: number | null;
  seriesPart?: number;
  campaigns?: string[];
  seeAlso?: string[];
};

const part = (n: number, title: string, excerpt: string, body: string, daysAgo: number): DemoPost => ({
  slug: `the-long-road-south-part-${n}`,
  title: `The long road south, part ${n}: ${title}`,
  excerpt,
  body,
  category: "rescue-reports",
  publishedDaysAgo: daysAgo,
  seriesPart: n,
});

export const DEMO_POSTS: DemoPost[] = [
  {
    slug: "annual-meeting-2026",
    title: "Our annual meeting: a year of missions in review",
    excerpt: "Members met to review the year, approve the accounts and elect a new board.",
    body: `Around sixty members and supporters joined this year's annual meeting, in person and online.

## The year in numbers

- 9 missions funded, 7 completed
- 31 people reached a safe third country
- 94% of every gift spent directly on missions

## Decisions

The accounts were approved unanimously. Two new board members were elected, and members asked the
board to expand the resettlement programme next year.

Thank you to everyone who came, and to the volunteers who made the evening possible.`,
    category: "events",
    publishedDaysAgo: 45,
    seeAlso: ["volunteer-evening-december"],
  },
  part(
    1,
    "leaving",
    "Why people leave, and why the first days are the most dangerous.",
    `No one leaves lightly. The people we help have usually thought about it for years.

## The first days

The first days after crossing are the most dangerous. People have no papers, little money and no one
they can trust. Our partners meet them as soon as it is safe and move them to a first safe house.

Details that could identify anyone have been removed from this account.`,
    40,
  ),
  part(
    2,
    "waiting",
    "Weeks in safe houses, and the patience a journey demands.",
    `Most of a journey is waiting: for documents, for a safe day, for the funds to arrive.

## Life in a safe house

Children are kept busy with lessons and games. Adults cook, clean and, above all, keep quiet.
A single careless phone call can put everyone at risk.`,
    33,
  ),
  part(
    3,
    "arrival",
    "The last border, and the first night in safety.",
    `The last border is crossed on foot. Then there is an office, forms, an interview — and a bed.

## After arrival

Arrival is not the end. It is where our resettlement support begins: language, housing, school.`,
    26,
  ),
  {
    slug: "open-letter-on-forced-returns",
    title: "An open letter on forced returns",
    excerpt: "We call on governments in the region to stop returning people who face persecution.",
    body: `To the governments of the region,

People who are sent back face detention, forced labour and worse. Returning them breaks the principle
of *non-refoulement*, which every state has accepted.

We ask you to:

1. stop all forced returns of people who fear persecution;
2. give humanitarian organisations access to people in detention;
3. allow safe transit to countries willing to receive them.

Signed on behalf of our members and supporters.`,
    category: "human-rights",
    publishedDaysAgo: 20,
    seeAlso: ["un-inquiry-five-years-on"],
  },
  {
    slug: "un-inquiry-five-years-on",
    title: "The UN inquiry, five years on",
    excerpt: "What the commission of inquiry found, and what has (and has not) changed since.",
    body: `A UN commission of inquiry documented systematic and widespread violations: arbitrary detention,
torture, and the persecution of people who try to leave.

## What has changed

Some governments have tightened protections for people in transit. Others have not. Forced returns
continue, and people in hiding remain at risk.

## What we do

We fund safe passage, and we document what we learn so that it can reach the people who decide.`,
    category: "human-rights",
    publishedDaysAgo: 17,
    seeAlso: ["open-letter-on-forced-returns"],
  },
  {
    slug: "seven-people-an-update",
    title: "Seven people, one route: an update on our urgent appeal",
    excerpt: "The group is safe for now. Here is what stands between them and the journey.",
    body: `The seven people in our current appeal are safe for now, but they cannot stay where they are for long.

Our partners have planned the route. What is missing is the money for transport and safe houses.
Please read the appeal and share it with people you trust.`,
    category: "rescue-reports",
    publishedDaysAgo: 7,
    campaigns: [DEMO_MARKER_SLUG],
    seeAlso: ["the-long-road-south-part-1"],
  },
  {
    slug: "a-family-together-again",
    title: "A family together again",
    excerpt: "After two years apart, a father and daughter are reunited with the rest of their family.",
    body: `Two years ago a father and his daughter were separated from the rest of their family.
This autumn, thanks to donors like you, all five crossed two borders and are together again.

We will share more once they have settled and it is safe to do so.`,
    category: "rescue-reports",
    publishedDaysAgo: 15,
    campaigns: ["a-family-reunited-in-safety"],
    seeAlso: ["the-long-road-south-part-3"],
  },
  {
    slug: "the-first-months",
    title: "The first months: notes from our resettlement team",
    excerpt: "Leases, classrooms and a lot of paperwork: what the first months look like.",
    body: `The first months are full of paperwork. Our volunteers go along to offices, translate, and explain.

## Homes

Two families have signed leases. The deposits came from the resettlement campaign.`,
    category: "resettlement",
    publishedDaysAgo: 12,
    campaigns: ["first-year-after-resettlement"],
    seeAlso: ["learning-a-new-language"],
  },
  {
    slug: "learning-a-new-language",
    title: "Learning a new language at forty",
    excerpt: "Eleven adults started evening classes this month. One of them, J., tells us why.",
    body: `"I was a teacher before," says J. "Now I am a student again. It is humbling, and it is good."

The classes meet three evenings a week. Childcare is provided, so parents can attend together.`,
    category: "resettlement",
    publishedDaysAgo: 5,
    campaigns: ["first-year-after-resettlement"],
  },
  {
    slug: "what-freedom-costs",
    title: "What freedom costs: a conversation with H.",
    excerpt: "H. left eight years ago. She talks about the journey, and about the people left behind.",
    body: `H. asked us not to use her name, her age or the town she comes from.

> "The hardest part was not the border. It was knowing I could not say goodbye."

Today H. works as a nurse. She volunteers with us on weekends, helping new arrivals with forms.`,
    category: "defectors",
    publishedDaysAgo: 9,
  },
  {
    slug: "volunteer-evening-december",
    title: "Join us for a volunteer evening in December",
    excerpt: "An informal evening to meet the team and hear how you can help.",
    body: `We are holding an informal evening for new and current volunteers.

Come to hear about translation, accompaniment and fundraising. Tea and snacks provided.`,
    category: "events",
    publishedDaysAgo: 2,
  },
  {
    slug: "notes-for-a-future-report",
    title: "Draft: notes for a future report",
    excerpt: "Not ready.",
    body: "Unfinished notes, not for publication.",
    category: "rescue-reports",
    publishedDaysAgo: null,
  },
  {
    slug: "winter-appeal-announcement",
    title: "Our winter appeal opens next week",
    excerpt: "Scheduled for later.",
    body: "The winter appeal will open soon.",
    category: "events",
    publishedDaysAgo: -7,
  },
];
