-- Pairs of two different words of a contact's name (kind m) and of its company (kind k), in
-- either order, joined by a space: a query of a whole word and the start of another (`jones ba`)
-- is then one prefix range, however common each word is alone (crm/contacts/terms.rs `pairs`).
-- Contacts saved from now on get them with their other terms; this adds those of the contacts
-- already saved, from their name and company words: the first 8 distinct words of each in byte
-- order, as the server picks them.
INSERT INTO contact_terms (tenant_id, kind, term, contact_id)
SELECT a.tenant_id, CASE a.kind WHEN 'n' THEN 'm' ELSE 'k' END, a.term || ' ' || b.term, a.contact_id
FROM contact_terms a
JOIN contact_terms b
  ON b.tenant_id = a.tenant_id AND b.contact_id = a.contact_id AND b.kind = a.kind AND b.term <> a.term
WHERE a.kind IN ('n', 'c')
  AND (SELECT COUNT(*) FROM contact_terms w
       WHERE w.tenant_id = a.tenant_id AND w.contact_id = a.contact_id AND w.kind = a.kind AND w.term < a.term) < 8
  AND (SELECT COUNT(*) FROM contact_terms w
       WHERE w.tenant_id = b.tenant_id AND w.contact_id = b.contact_id AND w.kind = b.kind AND w.term < b.term) < 8;
