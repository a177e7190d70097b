-- Seed two landing page sections; safe to run twice.
INSERT INTO "landing_page_content" ("key", "title", "body")
VALUES ('how-it-works', 'How it works', '{"steps": ["Answer a few questions", "Meet your match"]}')
ON CONFLICT ("key") DO NOTHING;

INSERT INTO "landing_page_content" ("key", "title", "body")
VALUES ('social-proof', 'Trusted by 2,000 teams', '{"quotes": []}')
ON CONFLICT ("key") DO NOTHING;
