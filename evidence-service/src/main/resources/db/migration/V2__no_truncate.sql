-- Attestations, check-ins and packets are facts: TRUNCATE is refused as UPDATE and DELETE are.
CREATE TRIGGER evidence_attestation_no_truncate BEFORE TRUNCATE ON evidence_attestation
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER check_in_no_truncate BEFORE TRUNCATE ON check_in
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER packet_no_truncate BEFORE TRUNCATE ON packet
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
