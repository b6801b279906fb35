module example.com/gclapp

go 1.26
