-- Seed two landing page sections.
INSERT IGNORE INTO `landing_page_content` (`key`, `title`, `body`, `updated_at`)
VALUES ('how-it-works', 'How it works', '{"steps": ["Answer a few questions", "Meet your match"]}', CURRENT_TIMESTAMP(3));

INSERT INTO `landing_page_content` (`key`, `title`, `body`)
VALUES ('social-proof', 'Trusted by 2,000 teams', '{"quotes": []}');
