module example.com/lrulib

go 1.22
