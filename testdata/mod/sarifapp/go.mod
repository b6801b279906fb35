module example.com/sarifapp

go 1.26
