import PolicyKBCommands
PolicyKB.main()
