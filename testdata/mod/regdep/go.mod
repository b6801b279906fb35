module example.com/regdep

go 1.22

require example.com/lrulib v1.2.0

replace example.com/lrulib v1.2.0 => ./lrulib
