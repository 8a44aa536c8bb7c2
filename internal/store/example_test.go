package store_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/parleyproject/parley/internal/article"
	"github.com/parleyproject/parley/internal/record"
	"github.com/parleyproject/parley/internal/store"
)

func Example() {
	dir, err := os.MkdirTemp("", "parley-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "parley.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	a := &article.Article{
		ID:        "istanbul-talks",
		Title:     "US and Russian diplomats meet in Istanbul",
		Published: time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC),
		Body:      "Diplomats from the United States and Russia met in Istanbul on Thursday.",
	}
	day := "2025-02-27"
	rec := &record.Document{Format: record.Format, ID: a.ID, Title: a.Title, Published: a.PublishedDate(),
		Events: []record.Event{{
			ID: "e1", Date: &day, DatePrecision: record.PrecisionDay, CAMEO: "046", CAMEORoot: "04",
			Source: &record.Actor{Code: "USAGOV", Country: "USA", Sector: "GOV"},
			Target: &record.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV"},
			Status: record.StatusReported, Reciprocal: true,
		}}}
	for range 2 {
		saved, err := st.SaveDocument(ctx, a, rec, 1, nil, false)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("saved:", saved)
	}

	docs, err := st.Documents(ctx, store.DocFilter{Query: "diplomat istanbul"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("found:", docs[0].ID, docs[0].Published)

	evs, err := st.Events(ctx, store.EventFilter{Dyad: [2]string{"RUS", "USA"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("event:", evs[0].DocID, evs[0].Source.Code, evs[0].CAMEO, *evs[0].Date)
	// Output:
	// saved: true
	// saved: false
	// found: istanbul-talks 2025-02-28
	// event: istanbul-talks USAGOV 046 2025-02-27
}
