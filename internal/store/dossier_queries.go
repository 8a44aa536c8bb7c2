package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/parleyproject/parley/internal/record"
)

// DossierUpdate is a stored issue-dossier update with its document.
type DossierUpdate struct {
	DocID, DocTitle, DocPublished string
	Ord                           int
	Update                        record.IssueUpdate
}

// Dossier is one open issue of a dyad: its latest status and the updates
// that led there, oldest first.
type Dossier struct {
	Topic string
	// Status and Date are those of the latest update (Date falls back to
	// the publication date of its document).
	Status, Date string
	Updates      []DossierUpdate
}

// Dossiers returns the issue dossiers of dyad d (optionally of one topic),
// the most recently updated first, each with its updates in the order they
// happened. Databases without the issues table
// (before migration 0003) have none.
func (s *Store) Dossiers(ctx context.Context, d Dyad, topic string) ([]Dossier, error) {
	ok, err := s.HasTable(ctx, "issues")
	if err != nil || !ok {
		return []Dossier{}, err
	}
	d = NewDyad(d.A, d.B)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT i.doc_id, i.ord, d.title, COALESCE(d.published, ''), i.record
		FROM issues i JOIN documents d ON d.id = i.doc_id
		WHERE i.party_a = ? AND i.party_b = ?
		ORDER BY i.doc_id, i.ord`), d.A, d.B)
	if err != nil {
		return nil, fmt.Errorf("reading dossiers of %s: %w", d, err)
	}
	defer rows.Close()
	var all []DossierUpdate
	for rows.Next() {
		var u DossierUpdate
		var data []byte
		if err := rows.Scan(&u.DocID, &u.Ord, &u.DocTitle, &u.DocPublished, &data); err != nil {
			return nil, fmt.Errorf("reading dossiers of %s: %w", d, err)
		}
		if err := json.Unmarshal(data, &u.Update); err != nil {
			return nil, fmt.Errorf("reading dossiers of %s: decoding update %d of document %s: %w", d, u.Ord, u.DocID, err)
		}
		all = append(all, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading dossiers of %s: %w", d, err)
	}
	// An undated update is background to its document: it counts from
	// before the document's earliest dated update (or its publication), so
	// "years of tit-for-tat expulsions" does not override the talks the
	// same article reports. This is the order store.Relation uses.
	first := map[string]string{}
	for _, u := range all {
		if dt := u.Update.Date; dt != nil && *dt != "" && (first[u.DocID] == "" || *dt < first[u.DocID]) {
			first[u.DocID] = *dt
		}
	}
	when := func(u *DossierUpdate) (string, int) {
		if dt := u.Update.Date; dt != nil && *dt != "" {
			return *dt, 1
		}
		if f := first[u.DocID]; f != "" && (u.DocPublished == "" || f < u.DocPublished) {
			return f, 0
		}
		return u.DocPublished, 0
	}
	sort.SliceStable(all, func(i, j int) bool {
		wi, ri := when(&all[i])
		wj, rj := when(&all[j])
		if wi != wj {
			return wi < wj
		}
		return ri < rj
	})
	topic = strings.TrimSpace(topic)
	byTopic := map[string]int{}
	out := []Dossier{}
	for _, u := range all {
		if topic != "" && u.Update.Topic != topic {
			continue
		}
		i, seen := byTopic[u.Update.Topic]
		if !seen {
			i = len(out)
			byTopic[u.Update.Topic] = i
			out = append(out, Dossier{Topic: u.Update.Topic})
		}
		out[i].Updates = append(out[i].Updates, u)
		out[i].Status, out[i].Date = u.Update.Status, u.DocPublished
		if u.Update.Date != nil && *u.Update.Date != "" {
			out[i].Date = *u.Update.Date
		}
	}
	// Latest first; ties by topic so the order is stable.
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].Topic < out[j].Topic
	})
	return out, nil
}
