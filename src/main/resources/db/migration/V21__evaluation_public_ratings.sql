-- 满意度测评 (双满意度): what the service recipients' side of an evaluation rested on. Besides the evaluator's survey
-- (recipient_satisfaction, with its respondents) the reporters' ratings of the department (群众评议) count; the
-- rate the decision compared is kept with the figures it came from, so every outcome can be explained later.

-- SURVEY, POOLED (survey and ratings, one person one voice), PUBLIC_RATINGS (ratings alone) or INTERNAL
alter table evaluation add column recipient_basis varchar(20);
alter table evaluation add column recipient_respondents int;
-- the ratings counted when the evaluation opened, and how many of them were 满意 (4–5)
alter table evaluation add column public_ratings int;
alter table evaluation add column public_ratings_satisfied int;
-- cut, not rounded, to one decimal
alter table evaluation add column combined_recipient_satisfaction numeric(5, 2);
