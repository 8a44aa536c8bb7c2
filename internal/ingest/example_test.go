package ingest_test

import (
	"fmt"

	"github.com/parleyproject/parley/internal/ingest"
)

func ExampleNormalize() {
	fmt.Printf("%q\n", ingest.Normalize("  Talks  resumed\u00a0on Monday.\r\nBoth sides “welcomed” it.\n\n\n"))
	// Output: "Talks resumed on Monday.\n\nBoth sides “welcomed” it."
}

func ExampleReadBytes() {
	page := "Envoys meet in Geneva\nBy Anna Berg | March 3, 2025 | 2 min read\nShare this article\n" +
		"Envoys from both countries met in Geneva on Monday.\nAdvertisement\nThey agreed to meet again.\n"
	docs, errs := ingest.ReadBytes("talks.txt", []byte(page), ingest.Options{})
	for _, a := range docs {
		fmt.Println(a.Title)
		fmt.Println(a.PublishedDate())
		fmt.Printf("%q\n", a.Body)
		fmt.Println(a.Warnings)
	}
	fmt.Println(errs)
	// Output:
	// Envoys meet in Geneva
	// 2025-03-03
	// "Envoys from both countries met in Geneva on Monday.\n\nThey agreed to meet again."
	// [dropped clutter: 1 advertisement, 1 byline, 1 share prompt]
	// []
}
