-- Criminal justice: proceedings as the Unified Register of Pre-trial
-- Investigations (ERDR) holds them, linked to the referral mechanism's cases
-- without a victim's status or assistance ever depending on them.
--
-- Nothing here is overwritten: a re-qualification, a stage change, a verdict
-- appealed are new rows, so the statistics can say what a proceeding was
-- registered under and what it reached court under.

create table criminal_proceedings (
  id uuid primary key,
  -- The ERDR number as the register prints it; imports are idempotent by it.
  register_number text not null unique,
  registered_on date not null,
  -- The Criminal Code in force on registered_on: 1997 before 2015, else 2014.
  code_edition text not null check (code_edition in ('1997', '2014')),
  registering_organization_id uuid not null references organizations (id),
  investigating_organization_id uuid not null references organizations (id),
  -- A subdivision of the investigating body where it matters to statistics.
  investigating_unit text check (investigating_unit in ('criminal_police', 'migration_police', 'juvenile_police', 'border_service')),
  region_id integer not null references regions (id),
  -- The investigator when a user of Senim; imported proceedings may have none.
  investigator_user_id uuid references users (id),
  stage text not null default 'registered' check (stage in (
    'registered',
    'pre_trial_investigation',
    'suspended_perpetrator_unknown',
    'discontinued_non_rehabilitating',
    'discontinued_rehabilitating',
    'sent_to_court',
    'first_instance_verdict',
    'appeal',
    'cassation',
    'final'
  )),
  stage_since date not null,
  -- Any recorded step (stage, qualification, defendant, verdict): what the
  -- "no movement for N days" worklist reads.
  last_movement_at timestamptz not null default now(),
  source text not null default 'entered' check (source in ('entered', 'imported')),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index criminal_proceedings_investigating_idx on criminal_proceedings (investigating_organization_id, region_id, last_movement_at);
create index criminal_proceedings_registering_idx on criminal_proceedings (registering_organization_id, region_id);
create index criminal_proceedings_stage_idx on criminal_proceedings (stage, last_movement_at);

-- Every stage a proceeding passed through, with its date; a move back (a
-- case returned for additional investigation, a suspension lifted) carries
-- its reason.
create table proceeding_stage_changes (
  id bigserial primary key,
  proceeding_id uuid not null references criminal_proceedings (id) on delete cascade,
  stage text not null,
  occurred_on date not null,
  reason text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);

create index proceeding_stage_changes_proceeding_idx on proceeding_stage_changes (proceeding_id, id);

-- A qualification is the set of articles a proceeding stands under from a
-- date: sequence 1 at registration, then one row per re-qualification.
create table proceeding_qualifications (
  id bigserial primary key,
  proceeding_id uuid not null references criminal_proceedings (id) on delete cascade,
  sequence integer not null check (sequence > 0),
  decided_on date not null,
  -- Where it was decided: at registration, during the investigation, in the
  -- indictment sent to court, or by the court.
  phase text not null check (phase in ('registration', 'investigation', 'indictment', 'court')),
  reason text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  unique (proceeding_id, sequence)
);

create table proceeding_qualification_articles (
  qualification_id bigint not null references proceeding_qualifications (id) on delete cascade,
  article_id integer not null references criminal_code_articles (id),
  -- Part and paragraph as the code numbers them ('3', '2'); null when the
  -- article row names them already (125(3)(b)) or they are not known.
  part text,
  paragraph text,
  primary key (qualification_id, article_id)
);

-- The NRM cases a proceeding concerns, and in what procedural role the
-- person takes part. A case may be in several proceedings.
create table proceeding_cases (
  proceeding_id uuid not null references criminal_proceedings (id) on delete cascade,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  procedural_status text not null check (procedural_status in ('victim', 'witness', 'suspect', 'accused')),
  -- The non-punishment principle: a trafficked person suspected or accused of
  -- an offence committed as a result of being trafficked. Set when the status
  -- is suspect or accused, cleared by a recorded review.
  non_punishment_review text check (non_punishment_review in ('pending', 'applied', 'not_applicable')),
  non_punishment_note text,
  linked_by uuid references users (id),
  linked_at timestamptz not null default now(),
  primary key (proceeding_id, case_id)
);

create index proceeding_cases_case_idx on proceeding_cases (case_id);

-- Suspects and accused. Who they are is sealed by the vault (AES-256-GCM,
-- bound to the defendant's id); only coarse facts are in clear.
create table proceeding_defendants (
  id uuid primary key,
  proceeding_id uuid not null references criminal_proceedings (id) on delete cascade,
  sealed_identity text,
  key_id text,
  sex text not null check (sex in ('female', 'male', 'unknown')),
  age_years integer check (age_years is null or (age_years >= 14 and age_years < 120)),
  citizenship text not null,
  organized_group boolean not null default false,
  role text not null check (role in ('organizer', 'perpetrator', 'accomplice', 'instigator', 'other')),
  procedural_status text not null check (procedural_status in ('suspect', 'accused')),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index proceeding_defendants_proceeding_idx on proceeding_defendants (proceeding_id);

-- A verdict on a defendant at one instance; an appeal or cassation that
-- changes it adds a row. The latest by decided_on is the one in force.
create table defendant_verdicts (
  id bigserial primary key,
  defendant_id uuid not null references proceeding_defendants (id) on delete cascade,
  instance text not null check (instance in ('first_instance', 'appeal', 'cassation')),
  decided_on date not null,
  outcome text not null check (outcome in ('convicted', 'acquitted', 'dismissed')),
  conviction_article_id integer references criminal_code_articles (id),
  conviction_part text,
  sentence_kind text check (sentence_kind in ('imprisonment', 'suspended', 'restricted_freedom', 'fine')),
  sentence_months integer check (sentence_months is null or (sentence_months > 0 and sentence_months <= 600)),
  fine_tenge bigint check (fine_tenge is null or fine_tenge > 0),
  confiscation boolean not null default false,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check ((outcome = 'convicted') = (conviction_article_id is not null and sentence_kind is not null))
);

create index defendant_verdicts_defendant_idx on defendant_verdicts (defendant_id, decided_on);

-- State protection of a person taking part in the proceeding (Law of
-- 5 July 2000 No. 72-II on state protection of persons participating in
-- criminal proceedings).
create table state_protections (
  id uuid primary key,
  proceeding_id uuid not null references criminal_proceedings (id) on delete cascade,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  requested_on date not null,
  decision text not null default 'pending' check (decision in ('pending', 'granted', 'refused')),
  decided_on date,
  measures text[] not null default '{}',
  starts_on date,
  ends_on date,
  refusal_reason text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index state_protections_case_idx on state_protections (case_id);

-- The civil claim in the criminal case, in tenge.
create table civil_claims (
  id uuid primary key,
  proceeding_id uuid not null references criminal_proceedings (id) on delete cascade,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  claimed_tenge bigint not null check (claimed_tenge > 0),
  claimed_on date not null,
  awarded_tenge bigint check (awarded_tenge is null or awarded_tenge >= 0),
  awarded_on date,
  paid_tenge bigint check (paid_tenge is null or paid_tenge >= 0),
  paid_on date,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index civil_claims_case_idx on civil_claims (case_id);

-- The monthly calculation index (MCI, МРП) by year, as the budget law sets
-- it on 1 January (the mid-year rises of 2020 and 2022 are not kept): the
-- Victims Compensation Fund pays in MCI.
create table monthly_calculation_indices (
  year integer primary key check (year between 1990 and 2100),
  value_tenge integer not null check (value_tenge > 0)
);

insert into monthly_calculation_indices (year, value_tenge) values
  (2013, 1731), (2014, 1852), (2015, 1982), (2016, 2121), (2017, 2269),
  (2018, 2405), (2019, 2525), (2020, 2651), (2021, 2917), (2022, 3063),
  (2023, 3450), (2024, 3692), (2025, 3932), (2026, 4325);

-- A payment from the Victims Compensation Fund. Foreign victims are entitled
-- as citizens are: nothing here asks for citizenship.
create table fund_compensations (
  id uuid primary key,
  case_id uuid not null references nrm_cases (id) on delete cascade,
  proceeding_id uuid references criminal_proceedings (id) on delete set null,
  applied_on date not null,
  decision text not null default 'pending' check (decision in ('pending', 'granted', 'refused')),
  decided_on date,
  amount_mci numeric(10, 2) check (amount_mci is null or amount_mci > 0),
  -- The MCI of the year of the decision, copied so the tenge amount stays
  -- what was paid when the index changes.
  mci_year integer references monthly_calculation_indices (year),
  amount_tenge bigint check (amount_tenge is null or amount_tenge > 0),
  paid_on date,
  refusal_reason text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index fund_compensations_case_idx on fund_compensations (case_id);
