-- Runs once, when the PostgreSQL volume is first initialised: one role and database for cadreflow, one role for the
-- Temporal server (its auto-setup creates the temporal and temporal_visibility databases itself).
CREATE ROLE cadreflow LOGIN PASSWORD 'cadreflow';
CREATE DATABASE cadreflow OWNER cadreflow;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD 'temporal';
