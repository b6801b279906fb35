module example.com/constdep

go 1.22

require example.com/uuidlib v1.4.0

replace example.com/uuidlib v1.4.0 => ./uuidlib
