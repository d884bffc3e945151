<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backing up the collection…</source>
        <translation>컬렉션을 백업하는 중…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>백업 복원</translation>
    </message>
    <message>
        <source>Restore the backup from %1?</source>
        <translation>%1 백업으로 복원할까요?</translation>
    </message>
    <message>
        <source>The collection as it is now is saved as a backup first, so you can go back to it. Undo cannot go back past a restore.</source>
        <translation>지금의 컬렉션을 먼저 백업해 두므로 나중에 이 상태로 돌아올 수 있습니다. 되돌리기로는 복원 이전으로 돌아갈 수 없습니다.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>백업을 복원하는 중…</translation>
    </message>
    <message>
        <source>The backup from %1 was restored. The collection you had is kept as the backup from %2 (“before a restore”).</source>
        <translation>%1 백업을 복원했습니다. 복원 전의 컬렉션은 %2 백업(“복원하기 전”)으로 남아 있습니다.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>백업을 복원했습니다</translation>
    </message>
    <message>
        <source>daily, when the app closed</source>
        <translation>매일, 앱을 닫을 때</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>가져오기 전</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>직접 백업</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>복원하기 전</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>백업</translation>
    </message>
    <message>
        <source>flashcards backs up your collection every day when it closes and before every import, and keeps the newest %1 backups.</source>
        <translation>flashcards는 매일 앱을 닫을 때와 가져오기 직전마다 컬렉션을 백업하고, 가장 최근 백업 %1개를 보관합니다.</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>만든 시각</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>지금 백업</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>복원…</translation>
    </message>
    <message>
        <source>Open backups folder</source>
        <translation>백업 폴더 열기</translation>
    </message>
</context>
<context>
    <name>BrowserWindow</name>
    <message>
        <source>The note was not saved: %1</source>
        <translation>노트를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>%1 shown, %2 selected</source>
        <translation>%1 표시 중, %2장 선택됨</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>되돌릴 것이 없습니다.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>다시 실행할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Changing %1…</source>
        <translation>카드 %1을 바꾸는 중…</translation>
    </message>
    <message>
        <source>Browse cards</source>
        <translation>카드 찾아보기</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cards</source>
        <translation>카드(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>노트(&amp;N)</translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation>일괄 작업</translation>
    </message>
    <message>
        <source>More bulk actions</source>
        <translation>그 밖의 일괄 작업</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>1 note</source>
        <translation>노트 1개</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>노트 %1개</translation>
    </message>
    <message>
        <source>Nothing needed changing.</source>
        <translation>바꿀 것이 없었습니다.</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>카드 %1을 “%2” 덱으로 옮겼습니다.</translation>
    </message>
    <message>
        <source>Tags added to %1.</source>
        <translation>%1에 태그를 붙였습니다.</translation>
    </message>
    <message>
        <source>Tags removed from %1.</source>
        <translation>%1에서 태그를 뗐습니다.</translation>
    </message>
    <message>
        <source>%1 suspended.</source>
        <translation>카드 %1을 보류했습니다.</translation>
    </message>
    <message>
        <source>%1 unsuspended.</source>
        <translation>카드 %1의 보류를 풀었습니다.</translation>
    </message>
    <message>
        <source>%1 buried until tomorrow.</source>
        <translation>카드 %1을 내일까지 숨겼습니다.</translation>
    </message>
    <message>
        <source>%1 reset to new.</source>
        <translation>카드 %1을 새 카드로 되돌렸습니다.</translation>
    </message>
    <message>
        <source>New due date for %1.</source>
        <translation>카드 %1의 복습 날짜를 바꿨습니다.</translation>
    </message>
    <message>
        <source>%1 deleted, with their cards.</source>
        <translation>%1를 카드와 함께 삭제했습니다.</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>카드 %1을 삭제했습니다.</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Undid the move.</source>
        <translation>덱 옮기기를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid the tag change.</source>
        <translation>태그 변경을 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid suspending.</source>
        <translation>보류를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid unsuspending.</source>
        <translation>보류 해제를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid burying.</source>
        <translation>숨기기를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid the reset to new.</source>
        <translation>새 카드로 되돌리기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Undid the new due date.</source>
        <translation>복습 날짜 변경을 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid the deletion.</source>
        <translation>삭제를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Moved again.</source>
        <translation>다시 옮겼습니다.</translation>
    </message>
    <message>
        <source>Tags changed again.</source>
        <translation>태그를 다시 바꿨습니다.</translation>
    </message>
    <message>
        <source>Suspended again.</source>
        <translation>다시 보류했습니다.</translation>
    </message>
    <message>
        <source>Unsuspended again.</source>
        <translation>보류를 다시 풀었습니다.</translation>
    </message>
    <message>
        <source>Buried again.</source>
        <translation>다시 숨겼습니다.</translation>
    </message>
    <message>
        <source>Reset to new again.</source>
        <translation>다시 새 카드로 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Due date set again.</source>
        <translation>복습 날짜를 다시 정했습니다.</translation>
    </message>
    <message>
        <source>Deleted again.</source>
        <translation>다시 삭제했습니다.</translation>
    </message>
    <message>
        <source>Delete notes</source>
        <translation>노트 삭제</translation>
    </message>
    <message>
        <source>Delete the note of the selected card, with all its cards and review history?</source>
        <translation>선택한 카드의 노트를, 그 노트의 모든 카드와 복습 기록까지 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete the notes of the %1 selected cards, with all their cards and review history?</source>
        <translation>선택한 카드 %1장의 노트를, 그 노트의 모든 카드와 복습 기록까지 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete cards</source>
        <translation>카드 삭제</translation>
    </message>
    <message>
        <source>Delete the selected card with its review history? A note left without cards is deleted too.</source>
        <translation>선택한 카드를 복습 기록과 함께 삭제할까요? 카드가 하나도 남지 않는 노트도 함께 삭제됩니다.</translation>
    </message>
    <message>
        <source>Delete the %1 selected cards with their review history? A note left without cards is deleted too.</source>
        <translation>선택한 카드 %1장을 복습 기록과 함께 삭제할까요? 카드가 하나도 남지 않는 노트도 함께 삭제됩니다.</translation>
    </message>
    <message>
        <source>Ctrl+Z in the browser brings them back.</source>
        <translation>카드 찾아보기 창에서 Ctrl+Z를 누르면 되살릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Move to deck…</source>
        <translation>덱 옮기기…</translation>
    </message>
    <message>
        <source>Add tags…</source>
        <translation>태그 붙이기…</translation>
    </message>
    <message>
        <source>Remove tags…</source>
        <translation>태그 떼기…</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>보류</translation>
    </message>
    <message>
        <source>Unsuspend</source>
        <translation>보류 해제</translation>
    </message>
    <message>
        <source>Bury until tomorrow</source>
        <translation>내일까지 숨기기</translation>
    </message>
    <message>
        <source>Reset to new</source>
        <translation>새 카드로 되돌리기</translation>
    </message>
    <message>
        <source>Set due date…</source>
        <translation>복습 날짜 정하기…</translation>
    </message>
    <message>
        <source>Delete notes…</source>
        <translation>노트 삭제…</translation>
    </message>
    <message>
        <source>Delete cards…</source>
        <translation>카드 삭제…</translation>
    </message>
</context>
<context>
    <name>CardTableModel</name>
    <message>
        <source>(new)</source>
        <translation>(새 카드)</translation>
    </message>
    <message>
        <source>New #%1</source>
        <translation>새 카드 #%1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>새 카드</translation>
    </message>
    <message>
        <source>re-drill today</source>
        <translation>오늘 다시 풀기</translation>
    </message>
    <message>
        <source>young</source>
        <translation>익히는 중</translation>
    </message>
    <message>
        <source>mature</source>
        <translation>익숙함</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>보류됨</translation>
    </message>
    <message>
        <source>buried until tomorrow</source>
        <translation>내일까지 숨김</translation>
    </message>
    <message>
        <source>Sort field</source>
        <translation>정렬 필드</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>덱</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>복습 날짜</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>간격</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>용이도</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>복습 횟수</translation>
    </message>
    <message>
        <source>Lapses</source>
        <translation>잊은 횟수</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>추가한 날</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
</context>
<context>
    <name>CheckReport</name>
    <message>
        <source>Check database</source>
        <translation>데이터베이스 검사</translation>
    </message>
    <message>
        <source>%1 problems were found that cannot be repaired safely (details below); nothing was changed. A backup from before they appeared can be restored from File ▸ Backups….</source>
        <translation>안전하게 고칠 수 없는 문제를 %1개 찾았습니다(자세한 내용은 아래). 아무것도 바꾸지 않았습니다. 문제가 생기기 전의 백업은 파일 ▸ 백업…에서 되살릴 수 있습니다.</translation>
    </message>
    <message>
        <source>No problems found. %1 cards checked.</source>
        <translation>문제가 없습니다. 카드 %1장을 검사했습니다.</translation>
    </message>
    <message>
        <source>Problems repaired: %2. Cards checked: %1.</source>
        <translation>문제 %2개를 고쳤습니다. 카드 %1장을 검사했습니다.</translation>
    </message>
</context>
<context>
    <name>Count</name>
    <message>
        <source>1 card</source>
        <translation>1장</translation>
    </message>
    <message>
        <source>%1 cards</source>
        <translation>%1장</translation>
    </message>
    <message>
        <source>1 answer</source>
        <translation>1번</translation>
    </message>
    <message>
        <source>%1 answers</source>
        <translation>%1번</translation>
    </message>
</context>
<context>
    <name>CreateDeckDialog</name>
    <message>
        <source>Create deck</source>
        <translation>덱 만들기</translation>
    </message>
    <message>
        <source>Name of the new deck (A::B makes B a subdeck of A):</source>
        <translation>새 덱의 이름 (A::B로 쓰면 B는 A의 하위 덱이 됩니다):</translation>
    </message>
</context>
<context>
    <name>DeckActions</name>
    <message>
        <source>Deck created. Ctrl+Z undoes it.</source>
        <translation>덱을 만들었습니다. Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Deck renamed. Ctrl+Z undoes it.</source>
        <translation>덱 이름을 바꿨습니다. Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>“%1” is the last deck, so it cannot be deleted: cards always need a deck. Add another deck first.</source>
        <translation>“%1” 덱은 마지막 덱이라 삭제할 수 없습니다. 카드가 들어갈 덱이 하나는 있어야 하니 다른 덱을 먼저 만드세요.</translation>
    </message>
    <message>
        <source>Delete deck</source>
        <translation>덱 삭제</translation>
    </message>
    <message>
        <source>Delete the deck “%1”, its %3 subdecks and their %2?</source>
        <translation>“%1” 덱과 하위 덱 %3개, 그 안의 카드 %2을 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete the deck “%1” and its %2?</source>
        <translation>“%1” 덱과 그 안의 카드 %2을 삭제할까요?</translation>
    </message>
    <message>
        <source>Their review history goes too, and notes left without cards. Ctrl+Z in the main window brings everything back.</source>
        <translation>카드의 복습 기록과, 카드가 하나도 남지 않는 노트도 함께 삭제됩니다. 메인 창에서 Ctrl+Z를 누르면 모두 되돌아옵니다.</translation>
    </message>
    <message>
        <source>Deleted the deck with %1. Ctrl+Z undoes it.</source>
        <translation>덱과 카드 %1을 삭제했습니다. Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>DeckChoiceDialog</name>
    <message>
        <source>Type a deck name. Parts of a deck name between :: cannot be empty.</source>
        <translation>덱 이름을 입력하세요. 덱 이름에서 :: 사이는 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>Move to deck</source>
        <translation>덱 옮기기</translation>
    </message>
    <message>
        <source>Move the selected card to this deck (a new name creates the deck):</source>
        <translation>선택한 카드를 옮길 덱을 고르세요 (새 이름을 쓰면 덱을 만듭니다):</translation>
    </message>
    <message>
        <source>Move %1 selected cards to this deck (a new name creates the deck):</source>
        <translation>선택한 카드 %1장을 옮길 덱을 고르세요 (새 이름을 쓰면 덱을 만듭니다):</translation>
    </message>
    <message>
        <source>Deck:</source>
        <translation>덱:</translation>
    </message>
    <message>
        <source>e.g. AWS::EC2</source>
        <translation>예: AWS::EC2</translation>
    </message>
</context>
<context>
    <name>DeckNameDialog</name>
    <message>
        <source>A deck called “%1” already exists.</source>
        <translation>“%1” 덱이 이미 있습니다.</translation>
    </message>
    <message>
        <source>Type a deck name. Parts of a deck name between :: cannot be empty.</source>
        <translation>덱 이름을 입력하세요. 덱 이름에서 :: 사이는 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>e.g. AWS::EC2</source>
        <translation>예: AWS::EC2</translation>
    </message>
</context>
<context>
    <name>DeckOptionsDialog</name>
    <message>
        <source>Options for %1</source>
        <translation>%1 덱 옵션</translation>
    </message>
    <message>
        <source>New cards per day:</source>
        <translation>하루 새 카드 수:</translation>
    </message>
    <message>
        <source>Reviews per day:</source>
        <translation>하루 복습 카드 수:</translation>
    </message>
    <message>
        <source>Suspend a card when it becomes a leech (forgotten 8 times)</source>
        <translation>거머리 카드(8번 잊은 카드)가 되면 보류하기</translation>
    </message>
    <message>
        <source>Type the answer: compare it with the card and suggest a grade</source>
        <translation>정답 직접 입력하기: 입력한 답을 카드와 비교해 점수를 추천합니다</translation>
    </message>
</context>
<context>
    <name>DeckPage</name>
    <message>
        <source>Study</source>
        <translation>공부하기</translation>
    </message>
    <message>
        <source>Options…</source>
        <translation>옵션…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Decks</source>
        <translation>덱</translation>
    </message>
    <message>
        <source>Study (S)</source>
        <translation>공부하기 (S)</translation>
    </message>
    <message>
        <source>Create deck…</source>
        <translation>덱 만들기…</translation>
    </message>
    <message>
        <source>Pick a deck and press Enter or Study. Right-click a deck for its options, to rename it (F2) or to delete it (Del).</source>
        <translation>덱을 고르고 Enter나 공부하기를 누르세요. 덱을 오른쪽 클릭하면 옵션, 이름 바꾸기(F2), 삭제(Del)가 나옵니다.</translation>
    </message>
    <message>
        <source>There are no cards yet. Add a note with Add (A), or import a deck with File ▸ Import….</source>
        <translation>아직 카드가 없습니다. 추가(A)로 노트를 만들거나 파일 ▸ 가져오기…로 덱을 가져오세요.</translation>
    </message>
</context>
<context>
    <name>DeckTreeModel</name>
    <message>
        <source>New cards today: %1</source>
        <translation>오늘의 새 카드: %1장</translation>
    </message>
    <message>
        <source>Reviews due today: %1</source>
        <translation>오늘 복습할 카드: %1장</translation>
    </message>
    <message>
        <source>Re-drills waiting today: %1</source>
        <translation>오늘 다시 풀 카드: %1장</translation>
    </message>
    <message>
        <source>Cards in this deck: %1</source>
        <translation>이 덱의 카드: %1장</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>덱</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새 카드</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>오늘 복습</translation>
    </message>
    <message>
        <source>Re-drill</source>
        <translation>다시 풀기</translation>
    </message>
    <message>
        <source>New cards to learn today</source>
        <translation>오늘 새로 배울 카드</translation>
    </message>
    <message>
        <source>Cards graded below 4 earlier today, to answer again until 4 or 5</source>
        <translation>오늘 4점 미만을 받아 4점이나 5점이 될 때까지 다시 푸는 카드</translation>
    </message>
    <message>
        <source>Reviews due today</source>
        <translation>오늘 복습할 카드</translation>
    </message>
</context>
<context>
    <name>DueDateDialog</name>
    <message>
        <source>Set due date</source>
        <translation>복습 날짜 정하기</translation>
    </message>
    <message>
        <source>When should the selected card be due? 0 is today.</source>
        <translation>선택한 카드를 언제 복습할까요? 0은 오늘입니다.</translation>
    </message>
    <message>
        <source>When should the %1 selected cards be due? 0 is today.</source>
        <translation>선택한 카드 %1장을 언제 복습할까요? 0은 오늘입니다.</translation>
    </message>
    <message>
        <source>Due in (days):</source>
        <translation>며칠 뒤:</translation>
    </message>
    <message>
        <source>Spread over a range of days</source>
        <translation>여러 날에 나눠서</translation>
    </message>
    <message>
        <source>Up to (days):</source>
        <translation>최대 며칠 뒤:</translation>
    </message>
    <message>
        <source>Also set the interval to the new delay</source>
        <translation>간격도 그 날수로 바꾸기</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to</source>
        <translation>내보낼 파일</translation>
    </message>
    <message>
        <source>%1 files (*%1)</source>
        <translation>%1 파일 (*%1)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>All decks</source>
        <translation>모든 덱</translation>
    </message>
    <message>
        <source>Anki package (.apkg)</source>
        <translation>Anki 덱 패키지 (.apkg)</translation>
    </message>
    <message>
        <source>flashcards JSON, everything (.json)</source>
        <translation>flashcards JSON, 모든 정보 (.json)</translation>
    </message>
    <message>
        <source>Anki text, comma-separated (.csv)</source>
        <translation>Anki 텍스트, 쉼표로 구분 (.csv)</translation>
    </message>
    <message>
        <source>Anki text, tab-separated (.tsv)</source>
        <translation>Anki 텍스트, 탭으로 구분 (.tsv)</translation>
    </message>
    <message>
        <source>Notes in plain text, as Anki writes them (.txt)</source>
        <translation>일반 텍스트 노트, Anki가 쓰는 형식 (.txt)</translation>
    </message>
    <message>
        <source>Include scheduling and review history</source>
        <translation>복습 일정과 복습 기록 포함</translation>
    </message>
    <message>
        <source>Include media files</source>
        <translation>미디어 파일 포함</translation>
    </message>
    <message>
        <source>Support older Anki versions (slower, larger file)</source>
        <translation>이전 버전의 Anki도 지원 (더 느리고 파일이 큼)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>Deck:</source>
        <translation>덱:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>저장할 파일:</translation>
    </message>
    <message>
        <source>Anki imports this file: File ▸ Import in Anki.</source>
        <translation>Anki에서 파일 ▸ 가져오기로 이 파일을 가져올 수 있습니다.</translation>
    </message>
    <message>
        <source>Our own format holds everything: scheduling, review history and media.</source>
        <translation>flashcards 고유 형식으로, 복습 일정·복습 기록·미디어를 모두 담습니다.</translation>
    </message>
    <message>
        <source>Text files hold the notes only: no scheduling, no media.</source>
        <translation>텍스트 파일에는 노트만 들어갑니다. 복습 일정과 미디어는 빠집니다.</translation>
    </message>
</context>
<context>
    <name>Grades</name>
    <message>
        <source>blackout</source>
        <translation>전혀 기억 안 남</translation>
    </message>
    <message>
        <source>wrong, but familiar</source>
        <translation>틀림, 답 보니 기억남</translation>
    </message>
    <message>
        <source>wrong, but easy</source>
        <translation>틀림, 답이 쉬워 보임</translation>
    </message>
    <message>
        <source>correct, hard</source>
        <translation>힘들게 정답</translation>
    </message>
    <message>
        <source>correct, hesitated</source>
        <translation>망설였지만 정답</translation>
    </message>
    <message>
        <source>perfect</source>
        <translation>완벽</translation>
    </message>
    <message>
        <source>complete blackout</source>
        <translation>완전히 기억나지 않음</translation>
    </message>
    <message>
        <source>incorrect response; the correct one remembered</source>
        <translation>틀렸지만, 정답을 보니 기억이 남</translation>
    </message>
    <message>
        <source>incorrect response; where the correct one seemed easy to recall</source>
        <translation>틀렸지만, 정답을 보니 쉽게 떠올릴 수 있었을 것 같음</translation>
    </message>
    <message>
        <source>correct response recalled with serious difficulty</source>
        <translation>정답이지만 아주 힘들게 떠올림</translation>
    </message>
    <message>
        <source>correct response after a hesitation</source>
        <translation>잠시 망설인 뒤 정답</translation>
    </message>
    <message>
        <source>perfect response</source>
        <translation>막힘없이 완벽한 정답</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a file</source>
        <translation>파일 가져오기</translation>
    </message>
    <message>
        <source>Decks and notes (%1)</source>
        <translation>덱과 노트 (%1)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <source>Field %1</source>
        <translation>필드 %1</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(비워 둠)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>Choose a file, or drop one on the window</source>
        <translation>파일을 선택하거나 창에 끌어다 놓으세요</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>처음 몇 줄</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>가져올 곳</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>필드 연결</translation>
    </message>
    <message>
        <source>Note type:</source>
        <translation>노트 유형:</translation>
    </message>
    <message>
        <source>Deck:</source>
        <translation>덱:</translation>
    </message>
    <message>
        <source>Notes already here:</source>
        <translation>이미 있는 노트:</translation>
    </message>
    <message>
        <source>Update them from the file</source>
        <translation>파일 내용으로 업데이트</translation>
    </message>
    <message>
        <source>Keep them as they are</source>
        <translation>그대로 두기</translation>
    </message>
    <message>
        <source>Add the file&apos;s as new notes</source>
        <translation>새 노트로 추가</translation>
    </message>
    <message>
        <source>A note is already here when it has the same ID (Anki&apos;s GUID) or, for text files without IDs, the same first field. Updating keeps its review history.</source>
        <translation>ID(Anki의 GUID)가 같은 노트, 또는 ID가 없는 텍스트 파일이라면 첫 번째 필드가 같은 노트를 이미 있는 노트로 봅니다. 업데이트해도 복습 기록은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>(as each row says)</source>
        <translation>(각 줄에 적힌 대로)</translation>
    </message>
    <message>
        <source>(as in the file)</source>
        <translation>(파일에 있는 대로)</translation>
    </message>
    <message>
        <source>(the file&apos;s deck: %1)</source>
        <translation>(파일에 적힌 덱: %1)</translation>
    </message>
    <message>
        <source>(the file&apos;s own decks)</source>
        <translation>(파일에 있는 덱 그대로)</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>%1열</translation>
    </message>
    <message>
        <source>Note type</source>
        <translation>노트 유형</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>덱</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>ID (GUID)</source>
        <translation>고유 ID (GUID)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>쉼표</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>세미콜론</translation>
    </message>
    <message>
        <source>space</source>
        <translation>공백</translation>
    </message>
    <message>
        <source>pipe (|)</source>
        <translation>세로 막대 (|)</translation>
    </message>
    <message>
        <source>colon</source>
        <translation>콜론</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 (BOM 포함)</translation>
    </message>
    <message>
        <source>CP949 (Korean Windows)</source>
        <translation>CP949 (한국어 Windows)</translation>
    </message>
    <message>
        <source>Anki text file · notes: %1 · encoding: %2 · separator: %3 · HTML: %4</source>
        <translation>Anki 텍스트 파일 · 노트 %1개 · 인코딩: %2 · 구분자: %3 · HTML: %4</translation>
    </message>
    <message>
        <source>%1 · notes: %2 · cards: %3 · review-log entries: %4 · media files: %5</source>
        <translation>%1 · 노트 %2개 · 카드 %3장 · 복습 기록 %4건 · 미디어 파일 %5개</translation>
    </message>
    <message>
        <source>%1 · notes: %2</source>
        <translation>%1 · 노트 %2개</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>no</source>
        <translation>사용 안 함</translation>
    </message>
    <message>
        <source>Anki package</source>
        <translation>Anki 덱 패키지</translation>
    </message>
    <message>
        <source>flashcards JSON</source>
        <translation>flashcards JSON 파일</translation>
    </message>
    <message>
        <source>Markdown notes</source>
        <translation>Markdown 노트</translation>
    </message>
    <message>
        <source>Decks: %1</source>
        <translation>덱: %1</translation>
    </message>
    <message>
        <source>Note types: %1</source>
        <translation>노트 유형: %1</translation>
    </message>
    <message>
        <source>Lines that make no card (%1): %2</source>
        <translation>카드가 되지 않는 줄 (%1개): %2</translation>
    </message>
    <message>
        <source>No header lines: the columns are mapped to fields below.</source>
        <translation>헤더 줄이 없습니다. 어느 열을 어느 필드에 넣을지 아래에서 고르세요.</translation>
    </message>
    <message>
        <source>Header lines: %1</source>
        <translation>헤더 줄: %1</translation>
    </message>
</context>
<context>
    <name>Interval</name>
    <message>
        <source>%1 d</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>%1 mo</source>
        <translation>%1개월</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1년</translation>
    </message>
    <message>
        <source>%1 + again today</source>
        <translation>%1 + 오늘 다시</translation>
    </message>
    <message>
        <source>A re-drill does not change the schedule; below 4 the card comes back again today.</source>
        <translation>다시 풀기는 일정을 바꾸지 않습니다. 4점 미만이면 오늘 다시 나옵니다.</translation>
    </message>
    <message>
        <source>Next review in %1. Below 4, the card also comes back later today, until you grade it 4 or 5.</source>
        <translation>다음 복습은 %1 뒤입니다. 4점 미만이라 4점이나 5점을 받을 때까지 오늘 다시 나옵니다.</translation>
    </message>
    <message>
        <source>Next review in %1.</source>
        <translation>다음 복습은 %1 뒤입니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Due today: %1 · re-drills: %2 · new: %3 — %4 cards in %5 decks</source>
        <translation>오늘 복습: %1장 · 다시 풀기: %2장 · 새 카드: %3장 — 덱 %5개, 카드 %4장</translation>
    </message>
    <message>
        <source>Cannot study</source>
        <translation>공부를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>되돌릴 것이 없습니다.</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>찾아보기</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>About flashcards</source>
        <translation>flashcards 정보</translation>
    </message>
    <message>
        <source>flashcards %1 — offline spaced repetition with SuperMemo&apos;s SM-2.</source>
        <translation>flashcards %1 — SuperMemo의 SM-2로 하는 오프라인 간격 반복 학습.</translation>
    </message>
    <message>
        <source>Checking the collection…</source>
        <translation>컬렉션을 검사하는 중…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>데이터베이스 검사</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>다시 실행할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>공부하기</translation>
    </message>
    <message>
        <source>Study today&apos;s cards of the selected deck</source>
        <translation>고른 덱의 오늘 카드를 공부합니다</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>노트 추가</translation>
    </message>
    <message>
        <source>Browse the cards</source>
        <translation>카드 찾아보기</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>Create deck…</source>
        <translation>덱 만들기…</translation>
    </message>
    <message>
        <source>Make a new, empty deck</source>
        <translation>빈 덱을 새로 만듭니다</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Import a deck file</source>
        <translation>덱 파일 가져오기</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Export decks to a file</source>
        <translation>덱을 파일로 내보내기</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>백업…</translation>
    </message>
    <message>
        <source>Back up the collection or restore a backup</source>
        <translation>컬렉션을 백업하거나 백업을 복원합니다</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Daily limits, theme, language</source>
        <translation>하루 한도, 테마, 언어</translation>
    </message>
    <message>
        <source>Check the collection and repair it</source>
        <translation>컬렉션을 검사하고 고칩니다</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>마지막 변경 되돌리기</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Make the last undone change again</source>
        <translation>마지막으로 되돌린 변경을 다시 실행합니다</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>시작 안내</translation>
    </message>
    <message>
        <source>The welcome page</source>
        <translation>처음 쓰는 분을 위한 안내</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>공부(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong</source>
        <translation>문제가 생겼습니다</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>예상하지 못한 오류</translation>
    </message>
    <message>
        <source>This is a bug in flashcards. The details below help to fix it.</source>
        <translation>flashcards의 버그입니다. 아래 자세한 내용이 고치는 데 도움이 됩니다.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Added. New cards: %1.</source>
        <translation>추가했습니다. 새 카드: %1장.</translation>
    </message>
    <message>
        <source>Discard this note?</source>
        <translation>이 노트를 버릴까요?</translation>
    </message>
    <message>
        <source>The note you are writing has not been added.</source>
        <translation>쓰고 있는 노트는 아직 추가되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cancel keeps it here; Ctrl+Enter adds it.</source>
        <translation>취소하면 그대로 남고, Ctrl+Enter로 추가합니다.</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>고친 내용을 버릴까요?</translation>
    </message>
    <message>
        <source>Your changes to this note are not saved.</source>
        <translation>이 노트에서 고친 내용은 아직 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cancel keeps them here; Ctrl+Enter saves them.</source>
        <translation>취소하면 그대로 남고, Ctrl+Enter로 저장합니다.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Choose a deck. Parts of a deck name between :: cannot be empty.</source>
        <translation>덱을 고르세요. 덱 이름에서 :: 사이는 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>노트 추가</translation>
    </message>
    <message>
        <source>Edit the note</source>
        <translation>노트 편집</translation>
    </message>
    <message>
        <source>Note type:</source>
        <translation>노트 유형:</translation>
    </message>
    <message>
        <source>Deck:</source>
        <translation>덱:</translation>
    </message>
    <message>
        <source>Add (Ctrl+Enter)</source>
        <translation>추가 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>저장 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>A cloze note needs a cloze such as {{c1::answer}} (Ctrl+Shift+C).</source>
        <translation>빈칸 채우기 노트에는 {{c1::정답}} 같은 빈칸이 있어야 합니다 (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <source>This note makes no card yet: fill in “%1”.</source>
        <translation>아직 만들어질 카드가 없습니다. “%1” 칸을 채우세요.</translation>
    </message>
    <message>
        <source>Clozes work only in Cloze notes: choose that note type.</source>
        <translation>빈칸은 빈칸 채우기 노트에서만 만들 수 있습니다. 노트 종류를 바꾸세요.</translation>
    </message>
    <message>
        <source>⚠ A note with the same “%1” already exists.</source>
        <translation>⚠ “%1” 내용이 같은 노트가 이미 있습니다.</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>태그:</translation>
    </message>
    <message>
        <source>separated by spaces</source>
        <translation>띄어쓰기로 구분</translation>
    </message>
    <message>
        <source>Make a cloze […]</source>
        <translation>빈칸 만들기 […]</translation>
    </message>
    <message>
        <source>Make the selected text a cloze, numbered after the others (Ctrl+Shift+C)</source>
        <translation>고른 글자를 빈칸으로 만듭니다. 번호는 다른 빈칸 다음으로 붙습니다 (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Preview — front</source>
        <translation>미리 보기 — 앞면</translation>
    </message>
    <message>
        <source>Preview — back</source>
        <translation>미리 보기 — 뒷면</translation>
    </message>
</context>
<context>
    <name>NotePane</name>
    <message>
        <source>Card %1</source>
        <translation>카드 %1</translation>
    </message>
    <message>
        <source>Cloze %1</source>
        <translation>빈칸 %1</translation>
    </message>
    <message>
        <source>Saved. Ctrl+Z undoes the edit.</source>
        <translation>저장했습니다. Ctrl+Z로 편집을 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Select a card to edit its note.</source>
        <translation>카드를 하나 고르면 그 노트를 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 cards selected. Select one card to edit its note.</source>
        <translation>카드 %1장을 골랐습니다. 노트를 편집하려면 카드를 하나만 고르세요.</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>저장 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>Notetypes</name>
    <message>
        <source>Basic</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Basic (and reversed card)</source>
        <translation>기본 (뒤집은 카드 포함)</translation>
    </message>
    <message>
        <source>Cloze</source>
        <translation>빈칸 채우기</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>앞면</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒷면</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Back Extra</source>
        <translation>뒷면 추가 설명</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>다음에서 찾기(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>RenameDeckDialog</name>
    <message>
        <source>A deck cannot go inside itself.</source>
        <translation>덱을 자기 자신 안으로 옮길 수는 없습니다.</translation>
    </message>
    <message>
        <source>Rename deck</source>
        <translation>덱 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name for “%1” (its %2 subdecks keep their place under it):</source>
        <translation>“%1” 덱의 새 이름 (하위 덱 %2개는 그대로 이 덱 아래에 남습니다):</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>“%1” 덱의 새 이름:</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Nothing to undo.</source>
        <translation>되돌릴 것이 없습니다.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>다시 실행할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Card buried until tomorrow. Ctrl+Z brings it back.</source>
        <translation>카드를 내일까지 숨겼습니다. Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Card suspended. Ctrl+Z brings it back.</source>
        <translation>카드를 보류했습니다. Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>That card was changed elsewhere; here is the next one.</source>
        <translation>그 카드는 다른 곳에서 바뀌었습니다. 다음 카드를 보여 드립니다.</translation>
    </message>
    <message>
        <source>You typed:</source>
        <translation>입력한 답:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>정답:</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(입력 없음)</translation>
    </message>
    <message>
        <source>Suggested grade: %1 — Enter accepts it, 0–5 choose another</source>
        <translation>추천 점수: %1 — Enter로 확정하거나 0–5로 다른 점수를 고르세요</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새 카드</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>복습</translation>
    </message>
    <message>
        <source>Re-drill</source>
        <translation>다시 풀기</translation>
    </message>
    <message>
        <source>Show answer (Space)</source>
        <translation>정답 보기 (Space)</translation>
    </message>
    <message>
        <source>Type the answer, then press Enter</source>
        <translation>정답을 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>You graded this card below 4 earlier today, so it comes back until you grade it 4 or 5. Re-drills do not change its schedule.</source>
        <translation>오늘 이 카드에 4보다 낮은 점수를 주었기 때문에, 4나 5를 줄 때까지 다시 나옵니다. 다시 풀기는 복습 일정을 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>%m장 중 %v장 답함</translation>
    </message>
    <message>
        <source>Space: show answer · 0–5: grade · Ctrl+Z: undo · E: edit · -: bury · !: suspend · Esc: stop</source>
        <translation>Space: 정답 보기 · 0–5: 점수 · Ctrl+Z: 되돌리기 · E: 편집 · -: 내일까지 숨기기 · !: 보류 · Esc: 그만하기</translation>
    </message>
    <message>
        <source>0–5: grade · Space: 4 · Ctrl+Z: undo · E: edit · -: bury · !: suspend · Esc: stop</source>
        <translation>0–5: 점수 · Space: 4 · Ctrl+Z: 되돌리기 · E: 편집 · -: 내일까지 숨기기 · !: 보류 · Esc: 그만하기</translation>
    </message>
    <message>
        <source>Type the answer · Enter: check it · Esc: stop</source>
        <translation>답을 입력하세요 · Enter: 확인 · Esc: 그만하기</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>“%1” (from character %2) cannot be read as a search.</source>
        <translation>%2번째 글자에서 시작하는 “%1” 부분을 검색어로 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Close it with “)”.</source>
        <translation>“)”로 닫아 주세요.</translation>
    </message>
    <message>
        <source>There is no “(” before it.</source>
        <translation>앞에 여는 “(”가 없습니다.</translation>
    </message>
    <message>
        <source>There is nothing between the parentheses.</source>
        <translation>괄호 안이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Put “-” right before what to leave out, e.g. -tag:exam.</source>
        <translation>빼고 싶은 조건 바로 앞에 “-”를 붙이세요. 예: -tag:exam</translation>
    </message>
    <message>
        <source>There is nothing between the quotes.</source>
        <translation>따옴표 안이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Close the quote with another “&quot;”.</source>
        <translation>따옴표를 “&quot;”로 닫아 주세요.</translation>
    </message>
    <message>
        <source>“is:” takes one of: %1.</source>
        <translation>“is:” 뒤에는 다음 중 하나를 쓰세요: %1.</translation>
    </message>
    <message>
        <source>“prop:” takes %1, a comparison and a number, e.g. prop:ivl&gt;=10.</source>
        <translation>“prop:” 뒤에는 %1 중 하나와 비교 기호, 숫자를 쓰세요. 예: prop:ivl&gt;=10</translation>
    </message>
    <message>
        <source>Give a number of days, 1 or more, e.g. added:7 or rated:1:4.</source>
        <translation>1 이상의 날수를 쓰세요. 예: added:7, rated:1:4</translation>
    </message>
    <message>
        <source>A tag cannot contain spaces.</source>
        <translation>태그에는 띄어쓰기를 넣을 수 없습니다.</translation>
    </message>
    <message>
        <source>Give a value after “%1”, e.g. deck:AWS.</source>
        <translation>“%1” 뒤에 값을 쓰세요. 예: deck:AWS</translation>
    </message>
    <message>
        <source>There is no search key “%1”; put text with “:” in quotes.</source>
        <translation>없는 검색 키입니다: “%1”. “:”가 들어간 글자는 따옴표로 감싸세요.</translation>
    </message>
    <message>
        <source>Check the quotes and parentheses.</source>
        <translation>따옴표와 괄호를 확인하세요.</translation>
    </message>
    <message>
        <source>This search cannot be run: %1</source>
        <translation>이 검색어로는 찾을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Search, then Enter — e.g. deck:AWS tag:exam is:due 스팟 &quot;exact phrase&quot;</source>
        <translation>검색어를 쓰고 Enter — 예: deck:AWS tag:exam is:due 스팟 &quot;정확한 구절&quot;</translation>
    </message>
    <message>
        <source>Words match inside fields (case-insensitive). deck:NAME, tag:T, note:TYPE, is:new|due|review|suspended|buried|leech, prop:ivl&gt;=10, added:7, rated:1, -negation, or, (parentheses).</source>
        <translation>단어는 필드 안에서 찾습니다(대소문자 구분 없음). deck:덱이름, tag:태그, note:노트유형, is:new|due|review|suspended|buried|leech, prop:ivl&gt;=10, added:7, rated:1, -제외, or, (괄호).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Studying</source>
        <translation>공부</translation>
    </message>
    <message>
        <source>New cards per day:</source>
        <translation>하루 새 카드 수:</translation>
    </message>
    <message>
        <source>Reviews per day:</source>
        <translation>하루 복습 카드 수:</translation>
    </message>
    <message>
        <source>A new day starts at:</source>
        <translation>하루가 시작되는 시각:</translation>
    </message>
    <message>
        <source>These limits are given to every deck when you press OK. To give one deck its own limits, right-click it in the deck list and choose Options.</source>
        <translation>확인을 누르면 모든 덱에 이 한도가 적용됩니다. 덱 하나에만 따로 한도를 주려면 덱 목록에서 그 덱을 오른쪽 클릭하고 옵션을 고르세요.</translation>
    </message>
    <message>
        <source>Appearance (applies at once)</source>
        <translation>화면 (바로 적용됨)</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>글자 크기:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>테마:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation>%1pt</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>flashcards is already open</source>
        <translation>flashcards가 이미 열려 있습니다</translation>
    </message>
    <message>
        <source>Another flashcards window is already using this collection. Switch to that window, or close it and start flashcards again.</source>
        <translation>다른 flashcards 창이 이 컬렉션을 쓰고 있습니다. 그 창으로 가거나, 그 창을 닫은 뒤 flashcards를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>flashcards cannot start</source>
        <translation>flashcards를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>The collection could not be opened.</source>
        <translation>컬렉션을 열 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>the whole collection</source>
        <translation>컬렉션 전체</translation>
    </message>
    <message>
        <source>Statistics for %1 — %2</source>
        <translation>%1 통계 — %2</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새 카드</translation>
    </message>
    <message>
        <source>Young</source>
        <translation>익히는 중</translation>
    </message>
    <message>
        <source>Mature</source>
        <translation>익숙함</translation>
    </message>
    <message>
        <source>Re-drills</source>
        <translation>다시 풀기</translation>
    </message>
    <message>
        <source>Total: %1 · %2</source>
        <translation>합계: %1번 · %2</translation>
    </message>
    <message>
        <source>today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>%1: %2 cards due</source>
        <translation>%1: 복습할 카드 %2장</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>복습 예정</translation>
    </message>
    <message>
        <source>Overdue now: %1 (counted in today&apos;s bar).</source>
        <translation>밀린 카드: %1장 (오늘 막대에 포함).</translation>
    </message>
    <message>
        <source>Re-drill</source>
        <translation>다시 풀기</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>보류됨</translation>
    </message>
    <message>
        <source>Buried</source>
        <translation>숨김</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>카드</translation>
    </message>
    <message>
        <source>%1: %2 (%3 of %4 reviews passed)</source>
        <translation>%1: %2 (복습 %4번 중 %3번 통과)</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>기억률</translation>
    </message>
    <message>
        <source>Mean: %1</source>
        <translation>평균: %1</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>%1: %2 cards</source>
        <translation>%1: %2장</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Study streak</source>
        <translation>연속 공부</translation>
    </message>
    <message>
        <source>Answers per day over the past year</source>
        <translation>지난 1년 동안 날마다 답한 수</translation>
    </message>
    <message>
        <source>Answers per day</source>
        <translation>날마다 답한 수</translation>
    </message>
    <message>
        <source>Due in the next 30 days</source>
        <translation>앞으로 30일 동안 복습할 카드</translation>
    </message>
    <message>
        <source>Cards by state</source>
        <translation>상태별 카드</translation>
    </message>
    <message>
        <source>True retention by month</source>
        <translation>월별 실제 기억률</translation>
    </message>
    <message>
        <source>Review intervals</source>
        <translation>복습 간격</translation>
    </message>
    <message>
        <source>Easiness (SM-2 E-factor)</source>
        <translation>용이도 (SM-2 E-factor)</translation>
    </message>
    <message>
        <source>cards studied</source>
        <translation>공부한 카드</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>답한 수</translation>
    </message>
    <message>
        <source>study time</source>
        <translation>공부 시간</translation>
    </message>
    <message>
        <source>correct (grade 3+)</source>
        <translation>정답률 (3점 이상)</translation>
    </message>
    <message>
        <source>current</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>longest</source>
        <translation>최장</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>카드</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>노트</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>오늘 복습</translation>
    </message>
    <message>
        <source>retention, all time</source>
        <translation>전체 기억률</translation>
    </message>
    <message>
        <source>Past year</source>
        <translation>지난 1년</translation>
    </message>
    <message>
        <source>Past %1 days</source>
        <translation>지난 %1일</translation>
    </message>
    <message>
        <source>Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec</source>
        <translation>1월 2월 3월 4월 5월 6월 7월 8월 9월 10월 11월 12월</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>월</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>수</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>금</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>적음</translation>
    </message>
    <message>
        <source>More</source>
        <translation>많음</translation>
    </message>
    <message>
        <source>%1: %2 answers</source>
        <translation>%1: %2번 답함</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>답한 수</translation>
    </message>
    <message>
        <source>Days from today</source>
        <translation>오늘부터 며칠 뒤</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>월</translation>
    </message>
    <message>
        <source>Passed (%)</source>
        <translation>통과 (%)</translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation>간격 (일)</translation>
    </message>
    <message>
        <source>E-factor</source>
        <translation>E-factor (용이도)</translation>
    </message>
    <message>
        <source>No reviews yet: a month shows once cards come back for review.</source>
        <translation>아직 복습이 없습니다. 카드가 복습으로 돌아오면 달마다 나타납니다.</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <source>Export statistics as PNG</source>
        <translation>통계를 PNG로 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>Deck:</source>
        <translation>덱:</translation>
    </message>
    <message>
        <source>Whole collection</source>
        <translation>컬렉션 전체</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Back to the decks</source>
        <translation>덱 목록으로</translation>
    </message>
    <message>
        <source>Answers:</source>
        <translation>답한 횟수:</translation>
    </message>
    <message>
        <source>Correct (grade 3 or better):</source>
        <translation>정답 (3점 이상):</translation>
    </message>
    <message>
        <source>Time spent:</source>
        <translation>공부한 시간:</translation>
    </message>
    <message>
        <source>Grades given:</source>
        <translation>준 점수:</translation>
    </message>
    <message>
        <source>Still to study today:</source>
        <translation>오늘 남은 카드:</translation>
    </message>
    <message>
        <source>Due tomorrow:</source>
        <translation>내일 복습할 카드:</translation>
    </message>
    <message>
        <source>Stopped early — %1 still to study today.</source>
        <translation>중간에 멈췄습니다 — 오늘 공부할 카드가 %1 남았습니다.</translation>
    </message>
    <message>
        <source>Well done — that&apos;s all for today!</source>
        <translation>수고했어요 — 오늘은 여기까지입니다!</translation>
    </message>
    <message>
        <source>Nothing left to study in this deck today.</source>
        <translation>오늘 이 덱에서 더 공부할 카드가 없습니다.</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Type at least one tag to add.</source>
        <translation>붙일 태그를 하나 이상 입력하세요.</translation>
    </message>
    <message>
        <source>Type at least one tag to remove.</source>
        <translation>뗄 태그를 하나 이상 입력하세요.</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>태그 붙이기</translation>
    </message>
    <message>
        <source>Tags to add to the note of the selected card:</source>
        <translation>선택한 카드의 노트에 붙일 태그:</translation>
    </message>
    <message>
        <source>Tags to add to the notes of %1 selected cards:</source>
        <translation>선택한 카드 %1장의 노트에 붙일 태그:</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>태그 떼기</translation>
    </message>
    <message>
        <source>Tags to remove from the note of the selected card:</source>
        <translation>선택한 카드의 노트에서 뗄 태그:</translation>
    </message>
    <message>
        <source>Tags to remove from the notes of %1 selected cards:</source>
        <translation>선택한 카드 %1장의 노트에서 뗄 태그:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>태그:</translation>
    </message>
    <message>
        <source>separated by spaces</source>
        <translation>띄어쓰기로 구분</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Importing %1…</source>
        <translation>%1 가져오는 중…</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation>%1: 추가 %2개, 업데이트 %3개, 변경 없음 %4개, 건너뜀 %5개.</translation>
    </message>
    <message>
        <source>Cards created: %1 · review-log entries: %2 · media files: %3</source>
        <translation>만든 카드: %1장 · 복습 기록: %2건 · 미디어 파일: %3개</translation>
    </message>
    <message>
        <source>Cards here never studied that took the file&apos;s progress: %1</source>
        <translation>공부한 적 없어 파일의 진도를 받은 카드: %1장</translation>
    </message>
    <message>
        <source>Remarks about the file: %1 (see Details).</source>
        <translation>파일에 관한 참고 사항: %1개 (자세한 내용을 확인하세요).</translation>
    </message>
    <message>
        <source>Exported to %2. Notes: %1 (a text file carries no scheduling, review log or media).</source>
        <translation>%2에 내보냈습니다. 노트: %1개 (텍스트 파일에는 일정, 복습 기록, 미디어가 담기지 않습니다).</translation>
    </message>
    <message>
        <source>Exported to %5. Notes: %1 · cards: %2 · review-log entries: %3 · media files: %4</source>
        <translation>%5에 내보냈습니다. 노트: %1개 · 카드: %2장 · 복습 기록: %3건 · 미디어 파일: %4개</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>가져오기 완료</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1 파일로 내보내는 중…</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>내보내기 완료</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Undid the last answer.</source>
        <translation>마지막 답을 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid burying the card.</source>
        <translation>카드 숨기기를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid suspending the card.</source>
        <translation>카드 보류를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid unsuspending the card.</source>
        <translation>카드 보류 해제를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid adding the note.</source>
        <translation>노트 추가를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid the note edit.</source>
        <translation>노트 편집을 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid creating the deck.</source>
        <translation>덱 만들기를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid renaming the deck.</source>
        <translation>덱 이름 바꾸기를 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undid deleting the deck: its cards and their history are back.</source>
        <translation>덱 삭제를 되돌렸습니다. 카드와 복습 기록이 돌아왔습니다.</translation>
    </message>
    <message>
        <source>Undid the last change.</source>
        <translation>마지막 변경을 되돌렸습니다.</translation>
    </message>
    <message>
        <source>Undo Delete</source>
        <translation>삭제 되돌리기</translation>
    </message>
    <message>
        <source>Undo Move</source>
        <translation>옮기기 되돌리기</translation>
    </message>
    <message>
        <source>Undo Tags</source>
        <translation>태그 변경 되돌리기</translation>
    </message>
    <message>
        <source>Undo Reset</source>
        <translation>새 카드로 되돌리기 취소</translation>
    </message>
    <message>
        <source>Undo Set Due Date</source>
        <translation>복습 날짜 변경 되돌리기</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Answered the card again.</source>
        <translation>카드에 다시 답했습니다.</translation>
    </message>
    <message>
        <source>Buried the card again.</source>
        <translation>카드를 다시 숨겼습니다.</translation>
    </message>
    <message>
        <source>Suspended the card again.</source>
        <translation>카드를 다시 보류했습니다.</translation>
    </message>
    <message>
        <source>Unsuspended the card again.</source>
        <translation>카드의 보류를 다시 풀었습니다.</translation>
    </message>
    <message>
        <source>Added the note again.</source>
        <translation>노트를 다시 추가했습니다.</translation>
    </message>
    <message>
        <source>Made the note edit again.</source>
        <translation>노트 편집을 다시 적용했습니다.</translation>
    </message>
    <message>
        <source>Created the deck again.</source>
        <translation>덱을 다시 만들었습니다.</translation>
    </message>
    <message>
        <source>Renamed the deck again.</source>
        <translation>덱 이름을 다시 바꿨습니다.</translation>
    </message>
    <message>
        <source>Deleted the deck again.</source>
        <translation>덱을 다시 삭제했습니다.</translation>
    </message>
    <message>
        <source>Made the last change again.</source>
        <translation>마지막 변경을 다시 실행했습니다.</translation>
    </message>
    <message>
        <source>Redo Answer</source>
        <translation>답 다시 실행</translation>
    </message>
    <message>
        <source>Redo Bury</source>
        <translation>숨기기 다시 실행</translation>
    </message>
    <message>
        <source>Redo Suspend</source>
        <translation>보류 다시 실행</translation>
    </message>
    <message>
        <source>Redo Unsuspend</source>
        <translation>보류 해제 다시 실행</translation>
    </message>
    <message>
        <source>Redo Add Note</source>
        <translation>노트 추가 다시 실행</translation>
    </message>
    <message>
        <source>Redo Edit Note</source>
        <translation>노트 편집 다시 실행</translation>
    </message>
    <message>
        <source>Redo Create Deck</source>
        <translation>덱 만들기 다시 실행</translation>
    </message>
    <message>
        <source>Redo Rename Deck</source>
        <translation>덱 이름 바꾸기 다시 실행</translation>
    </message>
    <message>
        <source>Redo Delete</source>
        <translation>삭제 다시 실행</translation>
    </message>
    <message>
        <source>Redo Move</source>
        <translation>옮기기 다시 실행</translation>
    </message>
    <message>
        <source>Redo Tags</source>
        <translation>태그 변경 다시 실행</translation>
    </message>
    <message>
        <source>Redo Reset</source>
        <translation>새 카드로 되돌리기 다시 실행</translation>
    </message>
    <message>
        <source>Redo Set Due Date</source>
        <translation>복습 날짜 변경 다시 실행</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Redo Last Change</source>
        <translation>마지막 변경 다시 실행</translation>
    </message>
    <message>
        <source>Undo Answer</source>
        <translation>답 되돌리기</translation>
    </message>
    <message>
        <source>Undo Bury</source>
        <translation>숨기기 되돌리기</translation>
    </message>
    <message>
        <source>Undo Suspend</source>
        <translation>보류 되돌리기</translation>
    </message>
    <message>
        <source>Undo Unsuspend</source>
        <translation>보류 해제 되돌리기</translation>
    </message>
    <message>
        <source>Undo Add Note</source>
        <translation>노트 추가 되돌리기</translation>
    </message>
    <message>
        <source>Undo Edit Note</source>
        <translation>노트 편집 되돌리기</translation>
    </message>
    <message>
        <source>Undo Create Deck</source>
        <translation>덱 만들기 되돌리기</translation>
    </message>
    <message>
        <source>Undo Rename Deck</source>
        <translation>덱 이름 바꾸기 되돌리기</translation>
    </message>
    <message>
        <source>Undo Last Change</source>
        <translation>마지막 변경 되돌리기</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to flashcards</source>
        <translation>flashcards에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Start my first session</source>
        <translation>첫 공부 시작하기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>환영합니다!</translation>
    </message>
    <message>
        <source>flashcards helps you remember what you study by showing each card again just before you would forget it.</source>
        <translation>flashcards는 카드를 잊어버리기 직전에 다시 보여 주어, 공부한 내용을 오래 기억하도록 돕습니다.</translation>
    </message>
    <message>
        <source>The decks that come with it</source>
        <translation>함께 들어 있는 덱</translation>
    </message>
    <message>
        <source>The AWS decks are made from Korean notes of an AWS training day: what the main services do, how EC2 can be bought, and the security basics. Each card asks one thing. The facts about AWS services were checked against AWS&apos;s documentation; the deck 10 발표 요점 (talk highlights) keeps what the speakers stressed that day.</source>
        <translation>AWS 덱은 AWS 교육 행사에서 한국어로 정리한 노트로 만들었습니다. 주요 서비스가 하는 일, EC2를 구매하는 방법, 보안 기본 원칙을 다룹니다. 카드 하나는 한 가지만 묻습니다. AWS 서비스에 관한 내용은 AWS 공식 문서로 확인했고, &apos;10 발표 요점&apos; 덱에는 그날 발표자들이 강조한 내용을 담았습니다.</translation>
    </message>
    <message>
        <source>How a review works</source>
        <translation>복습은 이렇게 합니다</translation>
    </message>
    <message>
        <source>Pick a deck and press Study. You see a question: answer it in your head, then press Space to see the answer. Then say how well you remembered by pressing a key from 0 to 5. The better you remembered, the longer until you see the card again; each button shows how long that would be. A card you grade below 4 comes back later today until you know it (a re-drill).</source>
        <translation>덱을 고르고 공부하기를 누르세요. 질문이 나오면 머릿속으로 답한 뒤 Space를 눌러 정답을 확인합니다. 그다음 얼마나 잘 기억했는지 0부터 5까지 숫자 키로 알려 주세요. 잘 기억할수록 그 카드를 다시 보기까지 오래 걸리고, 각 버튼에 그 간격이 나옵니다. 4보다 낮게 답한 카드는 알게 될 때까지 오늘 다시 나옵니다(다시 풀기).</translation>
    </message>
    <message>
        <source>The six grades (SuperMemo&apos;s SM-2)</source>
        <translation>여섯 가지 점수 (SuperMemo의 SM-2)</translation>
    </message>
    <message>
        <source>Other keys: Space again grades 4 (Anki&apos;s Good), Ctrl+Z undoes the last answer, E edits the card, - hides it until tomorrow, ! suspends it.</source>
        <translation>그 밖의 키: 정답을 본 뒤 Space를 한 번 더 누르면 4점(Anki의 Good)이고, Ctrl+Z는 마지막 답을 되돌리고, E는 카드를 편집하고, -는 카드를 내일까지 숨기고, !는 카드를 보류합니다.</translation>
    </message>
    <message>
        <source>Bringing cards from Anki</source>
        <translation>Anki에서 카드 가져오기</translation>
    </message>
    <message>
        <source>In Anki, choose File ▸ Export…, pick “Anki Deck Package (.apkg)” and tick “Include scheduling information” and “Include media”. Then choose File ▸ Import… here and pick that file, or simply drop it on this window. Your decks, notes, pictures and review history come along. Importing a changed package again updates your notes and keeps their review history.</source>
        <translation>Anki에서 파일 ▸ 내보내기…를 고르고 형식을 “Anki 덱 패키지 (.apkg)”로 한 뒤 “복습 일정 포함”과 “미디어 포함”을 켜세요. 그다음 여기서 파일 ▸ 가져오기…로 그 파일을 고르거나, 파일을 이 창에 끌어다 놓기만 하면 됩니다. 덱, 노트, 그림, 복습 기록이 모두 함께 옮겨집니다. 내용이 바뀐 패키지를 다시 가져오면 노트가 업데이트되고 복습 기록은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Text files (.txt, .csv, .tsv, also in the Korean CP949 encoding) import the same way; the import dialog shows their first rows and lets you choose which column fills which field.</source>
        <translation>텍스트 파일(.txt, .csv, .tsv, 한국어 CP949 인코딩 포함)도 같은 방법으로 가져옵니다. 가져오기 창에서 처음 몇 줄을 미리 보고, 어느 열을 어느 필드에 넣을지 고를 수 있습니다.</translation>
    </message>
    <message>
        <source>You can open this page again from Help ▸ Welcome.</source>
        <translation>이 안내는 도움말 ▸ 시작 안내에서 다시 볼 수 있습니다.</translation>
    </message>
</context>
</TS>
