-- Prices are amounts owed, never negative: a slot's per-lesson price and a lesson's price.
-- Added NOT VALID first, so new and changed rows are checked at once; rows already in a studio's
-- database are then validated. A database that already holds a negative price keeps the check for
-- new rows and starts anyway (the notice names the table): refusing to start would stop lesson
-- generation over a price the studio app wrote long ago.
alter table recurring_slot
    add constraint recurring_slot_per_lesson_price_check check (per_lesson_price >= 0) not valid;
alter table lesson
    add constraint lesson_price_check check (price >= 0) not valid;

do
$$
begin
    if exists (select 1 from recurring_slot where per_lesson_price < 0) then
        raise notice 'recurring_slot has negative per_lesson_price: the check applies to new and changed rows only';
    else
        alter table recurring_slot validate constraint recurring_slot_per_lesson_price_check;
    end if;
    if exists (select 1 from lesson where price < 0) then
        raise notice 'lesson has negative price: the check applies to new and changed rows only';
    else
        alter table lesson validate constraint lesson_price_check;
    end if;
end
$$;
