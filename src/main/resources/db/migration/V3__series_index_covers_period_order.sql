-- Schema version 3: the series index also covers the period order (end year, start year, label),
-- so reading a series for one or all areas needs no temporary sort.
DROP INDEX observations_series;
CREATE INDEX observations_series ON observations(indicator_id, area_id, grp, end_year, start_year, period);
